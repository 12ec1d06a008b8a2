export * from './extract';
export * from './format';
export { addUnits, matchUnit, unitDef } from './units';
export type { UnitDef } from './units';
export type { Kind, Source } from './context';
