/**
 * Equality by content of primitives, arrays and plain objects of them: what the client compares
 * (paragraph readings, editor-state selections). It is also the one function Tiptap's React
 * bindings take from fast-equals (vite.config.ts points them here), in a tenth of its 2 KB (gzip).
 * Anything else (maps, dates, class instances) is equal only to itself: at worst one render too
 * many, never a change missed.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  if (!isPlainObject(a) || !isPlainObject(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
