import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, type ErrorCode, type ErrorDetail } from '../errors';

/** The one writer of error responses: `{"error": {code, message, details, requestId}}`. */
export function sendError(reply: FastifyReply, req: FastifyRequest, err: AppError): FastifyReply {
  for (const [k, v] of Object.entries(err.headers)) void reply.header(k, v);
  return reply.status(err.status).send({
    error: { code: err.code, message: err.message, details: err.details, requestId: req.id },
  });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
};

const pgCodes: Record<string, ErrorCode> = { '23505': 'conflict', '40001': 'conflict' };

function validationDetails(
  err: {
    validation: {
      instancePath: string;
      message?: string;
      keyword: string;
      params: Record<string, unknown>;
    }[];
  },
  where: string | undefined,
): ErrorDetail[] {
  return err.validation.flatMap((v) => {
    const base = v.instancePath.split('/').filter(Boolean).join('.');
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      return (v.params.keys as string[]).map((k) => ({
        path: base ? `${base}.${k}` : k,
        message: 'unknown field',
      }));
    }
    return [{ path: base || (where ?? ''), message: v.message ?? 'invalid' }];
  });
}

/** Maps anything thrown in a request to the catalogue; unknown errors become a logged 500. */
export function toAppError(error: unknown, req: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const err = error as FastifyError & { cause?: { code?: string } };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = validationDetails(err, err.validationContext);
    const first = details[0];
    return new AppError(
      'validation_failed',
      first ? `${first.path}: ${first.message}` : 'invalid input',
      details,
    );
  }
  const mapped = err.code ? fastifyCodes[err.code] : undefined;
  if (mapped) return new AppError(mapped, err.message);
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('malformed_request', 'the body is not valid JSON');
  }
  const pg = pgCodes[err.cause?.code ?? err.code ?? ''];
  if (pg) return new AppError(pg, 'the change conflicts with another; retry');
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const code = (Object.keys(errorCatalogue) as ErrorCode[]).find(
      (c) => errorCatalogue[c] === err.statusCode,
    );
    return new AppError(code ?? 'malformed_request', err.message);
  }
  req.log.error({ err, requestId: req.id }, 'unhandled error');
  return new AppError('internal_error', `something went wrong; quote request id ${req.id}`);
}
