/**
 * Subject lines of incoming mail: reply and forward prefixes in the languages Tend serves, and the
 * request reference Tend puts in brackets ("[R-1042]").
 */

// Re:, RE:, Fwd:, FW:, AW:, WG:, SV:, Vs:, RV:, Ats:, Persiųsti:, Відп:, Пересл:, НА:, Ответ:
const prefix =
  /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|rv|ref|ats|atsak|persiųsti|відп|відповідь|пересл|на|ответ|tr)\s*(?:\[\d+\])?\s*[:：]\s*)+/iu;

/** The subject without reply/forward prefixes and without our reference tag. */
export function cleanSubject(subject: string): string {
  return subject
    .replace(prefix, '')
    .replace(/\s*\[R-\d+\]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** The request number a subject names in brackets ("Re: [R-1042] Food parcel" → 1042). */
export function subjectReference(subject: string): number | undefined {
  const m = /\[R-(\d{1,9})\]/.exec(subject);
  return m ? Number(m[1]) : undefined;
}
