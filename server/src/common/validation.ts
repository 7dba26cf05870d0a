import { ArgumentMetadata, HttpException, Logger, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { AppError } from './errors/app-error';

function collect(errors: ValidationError[], prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[field] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, field, out);
  }
  return out;
}

/**
 * Unknown fields are refused (not silently dropped) so a client typo is noticed at
 * once; values are transformed to the DTO's types for query strings.
 */
/** No request of the API nests deeper than this; deeper JSON would overflow class-transformer's recursion (a 500). */
const MAX_DEPTH = 32;

function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && deeperThan(value, MAX_DEPTH))
      throw new AppError('VALIDATION_FAILED', '请求内容嵌套过深', { [metadata.type]: [`nested deeper than ${MAX_DEPTH} levels`] });
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof HttpException) throw e;
      // A validator or transformer that crashes on a hostile value (class-validator's
      // maxDecimalPlaces on 5e-324, say) is still bad input: a 400, never a 500.
      new Logger('Validation').warn(`${metadata.type} ${metadata.data ?? ''}: ${(e as Error).message}`);
      throw new AppError('VALIDATION_FAILED', '请检查填写的内容', { [metadata.data ?? metadata.type]: ['invalid value'] });
    }
  }
}

/** Like @IsOptional(), but only a missing value skips the checks: an explicit null is validated (and refused) like any value. */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      return new AppError('VALIDATION_FAILED', `请检查填写的内容：${Object.keys(fields).join('、')}`, fields);
    },
  });
}
