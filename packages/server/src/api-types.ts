/**
 * Types shared with the web app. `web` imports only types from `server`, and only from this file.
 * Keep it free of runtime imports (type-only imports from core are fine).
 */

import type { Role, RegionLevel } from '@ssj/core';

/** The four staff roles (DOMAIN.md §6, core access/roles.ts); the public has no account. */
export type { Role, RegionLevel };

export interface RegionDto {
  /** GB/T 2260 code, e.g. 140500 晋城市 (the development zone's code is ours, see docs/ARCHITECTURE.md). */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DepartmentDto {
  id: number;
  code: string;
  name: string;
  aliases: string[];
  regionCode: string;
  regionName: string;
}

export interface SessionUserDto {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
  regionCode: string;
  regionName: string;
}

/** GET /api/auth/session and POST /api/auth/login answer with this. */
export interface SessionDto {
  user: SessionUserDto;
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
}

export interface HealthDto {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}

/** Every error response has this body; `code` is stable, `message` is for people (zh-CN). */
export interface ErrorDto {
  error: { code: string; message: string; details?: unknown };
}

export interface PublicOverviewDto {
  regions: RegionDto[];
  departmentCount: number;
  /** The published plan of the latest year, or null while none is published. */
  plan: { year: number; version: number; taskCount: number; publishedAt: string } | null;
}
