import { z } from 'zod';
import { EntryIdSchema, TrilingualSchema } from './schema';

export const DepartmentSchema = z
  .object({ name: TrilingualSchema, handles: TrilingualSchema, contact: TrilingualSchema, source: EntryIdSchema })
  .strict();
export const DepartmentsFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    departments: z.object({ border: DepartmentSchema, airline: DepartmentSchema, airport: DepartmentSchema, police: DepartmentSchema, customs: DepartmentSchema }).strict(),
  })
  .strict();
export type DepartmentsFile = z.infer<typeof DepartmentsFileSchema>;
export type DepartmentInfo = z.infer<typeof DepartmentSchema>;
