import { getLimit, type Limits } from '../knowledge/limits';
import type { NormalItem } from './normalize-items';
import type { DeclarationOption, Route } from './schema';
import type { ItemResult } from './types';

/** The article concept of e-cigarettes (declaration.yaml `articles`), also the results' kind. */
export const ECIG = 'ecigarettes';

const OVER_OPTIONS: readonly DeclarationOption[] = ['declare_and_pay', 'temporary_storage', 'return_shipment', 'abandon'];

/**
 * E-cigarettes by the route's quantity table (limits.yaml `ecigarettes`, fact sheet 3.3):
 * devices and pods/disposables each against their own number, in the order listed; the
 * e-liquid in all against `liquidMl` when the traveller gave a volume. Above either: declare.
 * No tax is estimated (the value and band of e-cigarettes are not in the sources); the taxable
 * cap of 2022 is the one taxable_cap_unsure states for tobacco.
 */
export function checkEcigarettes(items: readonly NormalItem[], route: Route, limits: Limits): ItemResult[] {
  const left = { devices: getLimit(limits, `ecigarettes.${route}.devices`), pods: getLimit(limits, `ecigarettes.${route}.pods`) };
  const table = { ...left };
  const liquidMl = items.reduce((s, i) => s + (i.source.volumeMl ?? 0) * (i.source.quantity ?? 0), 0);
  const liquidOver = liquidMl > getLimit(limits, `ecigarettes.${route}.liquidMl`);
  return items.map((item) => {
    const part = item.ecigPart ?? 'devices';
    const quantity = item.quantity ?? 0;
    const exempt = Math.min(quantity, left[part]);
    left[part] -= exempt;
    const excess = quantity - exempt;
    const declare = excess > 0 || (liquidOver && (item.source.volumeMl ?? 0) > 0);
    return {
      index: item.index,
      type: item.type,
      kind: ECIG,
      quantity,
      unit: 'pieces',
      allowance: table[part],
      excess,
      mustDeclare: declare,
      status: excess > 0 ? 'over' : declare ? 'declare' : 'within',
      options: declare ? [...OVER_OPTIONS] : [],
      notes: declare && excess === 0 ? ['ecig_liquid_over', 'ecig_parts'] : ['ecig_parts'],
      entries: [],
    } satisfies ItemResult;
  });
}
