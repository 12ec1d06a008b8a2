export * from './extract';
export * from './format';
export { matchUnit, unitDef, withUnits } from './units';
export type { UnitDef } from './units';
export type { Kind, Source } from './context';
