/** JSON as Go's encoding/json writes it: `<`, `>`, `&`, U+2028/9 escaped (json.Marshal's HTML escaping). */
export function goJson(value: unknown, indent = ''): string {
  const text = indent ? JSON.stringify(value, null, indent) : JSON.stringify(value);
  return (text ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
