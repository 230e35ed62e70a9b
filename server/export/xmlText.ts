/**
 * XML 1.0 cannot carry some characters at all, not even escaped: most control characters, the
 * noncharacters U+FFFE and U+FFFF, and unpaired surrogates. A Word or Akoma Ntoso file holding one
 * is refused by Word and by validators, so exports drop them.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

/** The same value with every string in it made XML-safe: for the inputs of an export. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlSafeDeep(item)])) as T
  }
  return value
}
