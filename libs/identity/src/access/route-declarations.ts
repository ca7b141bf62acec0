import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { describeAccess, ROUTE_ACCESS, type RouteAccess } from '#platform';

export interface RouteDeclaration {
  readonly method: string;
  readonly path: string;
  readonly access: string;
}

/**
 * Lists every route with its access declaration at start-up, and refuses to start when any route
 * has none: a route nobody decided about must not be reachable.
 */
@Injectable()
export class RouteDeclarations implements OnApplicationBootstrap {
  private routes: RouteDeclaration[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    this.routes = this.scan();
    const undeclared = this.routes.filter((route) => route.access === 'UNDECLARED');
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access declaration (@Public() or @Authenticated(...)): ${undeclared.map((r) => `${r.method} ${r.path}`).join(', ')}`,
      );
    }
  }

  list(): readonly RouteDeclaration[] {
    return this.routes;
  }

  private scan(): RouteDeclaration[] {
    const routes: RouteDeclaration[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const prefix = pathOf(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [handler, controller]);
        routes.push({
          method: RequestMethod[method],
          path: `/${[prefix, pathOf(path)].filter(Boolean).join('/')}`,
          access: describeAccess(access),
        });
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}

function pathOf(path: unknown): string {
  const value = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path : '';
  return value.replace(/^\/+|\/+$/g, '');
}
