export { BUY_FOR_OTHERS, CATEGORY_CONCEPTS, FEELINGS, DIRECTION_CONCEPTS, GENERIC_CONCEPTS, SEVERAL_OF_ONE, readMessage, SHORT_MESSAGE_TOKENS, TRIP_CONCEPTS, WHAT_IS_DONE, type Act, type Reading, type ReadingContext } from './read-message';
export { categoryOfCues, type KnownCategory } from './category';
export { boughtInChina, buildGazetteer, findPlaceCues, type Gazetteer } from './places';
export { readTourRoute, type TourRoute } from './tour-leader';
