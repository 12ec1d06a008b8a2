export function nthIndex(hay: string, needle: string, n: number): number;
