export * from './extract';
export * from './format';
export { matchUnit, unitDef } from './units';
export type { UnitDef } from './units';
export type { Kind, Source } from './context';
export { OWN_PROVINCE, OWN_CITY, OWN_COUNTY, documentFacts } from './document';
export { measureOf } from '../consistency/indicator';
export type { Measure } from '../consistency/indicator';
