/**
 * A name table's own entry (docker commands, shell builtins, programs): a name like `valueOf`,
 * `constructor` or `__proto__` finds nothing, not a property Object.prototype lends every object.
 */
export const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
