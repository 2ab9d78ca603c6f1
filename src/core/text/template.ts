/**
 * Plain-text templates with `{{variable}}` placeholders (canned replies, message templates).
 * Only the variables given are replaced; unknown ones are left visible so a mistake shows.
 * @example fillTemplate('Hello {{requester.name}}', { 'requester.name': 'Rūta' }) // 'Hello Rūta'
 */
export function fillTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-z]+(?:\.[a-z_]+)*)\s*\}\}/gi, (whole, name: string) =>
    Object.hasOwn(variables, name) ? variables[name]! : whole,
  );
}

/** The variables a template uses. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([a-z]+(?:\.[a-z_]+)*)\s*\}\}/gi)].map((m) => m[1]!);
}

/**
 * The translation for a language from a set: the exact tag, then its base language ("es" for
 * "es-MX"), then the fallback, then any. Returns which language was used.
 */
export function pickTranslation(
  bodies: Record<string, string>,
  language: string | null | undefined,
  fallback: string,
): { language: string; body: string } | undefined {
  const candidates = [language, language?.split('-')[0], fallback, ...Object.keys(bodies)];
  const found = candidates.find((c): c is string => !!c && Object.hasOwn(bodies, c));
  return found ? { language: found, body: bodies[found]! } : undefined;
}
