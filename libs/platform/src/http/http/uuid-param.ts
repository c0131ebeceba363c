import { Param, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../../errors/domain/domain-error';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a path parameter that is not a UUID with 400 VALIDATION_FAILED naming the parameter. */
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (typeof value === 'string' && uuidPattern.test(value)) return value;
    throw new ValidationFailedError(
      [{ path: `/${this.name}`, message: 'must be a UUID' }],
      `The path parameter ${this.name} must be a UUID.`,
    );
  }
}

/** A path parameter that must be a UUID (an id of ours): anything else is a 400 naming it, never a database error. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, new UuidParamPipe(name));
