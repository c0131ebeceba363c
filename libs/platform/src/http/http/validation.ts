import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationFailedError } from '../../errors/domain/domain-error';

/** Flattens class-validator's error tree into `errors[]` with JSON-pointer paths. */
export function toFieldProblems(errors: ClassValidatorError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = `${parent}/${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      message: constraint === 'whitelistValidation' ? 'is not an allowed field' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...toFieldProblems(error.children ?? [], path)];
  });
}

/**
 * The one validation pipe: unknown fields are rejected (no mass assignment), values are not coerced
 * from other types, and every problem names its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = toFieldProblems(errors);
      return new ValidationFailedError(problems.length > 0 ? problems : [{ path: '', message: 'must be a JSON object' }]);
    },
  });
}
