import { ApiError } from '../../http';

/**
 * The API's problem with one field (`details[].path` of a 400 or 422), to show at that field;
 * `path` matches exactly or as the start of a nested path ("figures.0.value" under "figures").
 */
export function fieldProblem(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.find((d) => d.path === path || d.path.startsWith(`${path}.`))?.message;
}
