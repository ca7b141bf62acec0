import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

/**
 * Whether a Prefer header (RFC 7240) asks for `return=minimal`: the preferences are a comma-separated
 * list, each a token, an optional `=value` (quoted or not) and parameters after `;`; names and the
 * value compare case-insensitively. A header repeated counts as one list; the first `return` wins.
 */
export function prefersMinimal(header: string | readonly string[] | undefined): boolean {
  if (header === undefined) return false;
  const list = typeof header === 'string' ? header : header.join(',');
  for (const preference of list.split(',')) {
    const [name = '', value = ''] = preference
      .split(';')[0]!
      .split('=')
      .map((part) => part.trim().toLowerCase());
    if (name === 'return') return value.replace(/^"(.*)"$/, '$1') === 'minimal';
  }
  return false;
}

const preferMinimal = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  prefersMinimal(context.switchToHttp().getRequest<FastifyRequest>().headers['prefer']),
);

/**
 * True when the client sent `Prefer: return=minimal` (the route then answers a small body instead of
 * the whole object), documented once in OpenAPI.
 */
export function PreferMinimal(description: string): ParameterDecorator {
  return (target, key, index) => {
    preferMinimal()(target, key, index);
    if (key === undefined) return;
    ApiHeader({ name: 'Prefer', required: false, enum: ['return=minimal', 'return=representation'], description })(
      target,
      key,
      Object.getOwnPropertyDescriptor(target, key)!,
    );
  };
}
