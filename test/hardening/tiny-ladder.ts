import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The introduction page of a small, valid framework: three axes of three ranks each. */
export const tinyIntroduction = `# Tiny Framework

A small framework for the hardening tests.

# Axes

* **Craft**: how well someone builds
* **Scope**: how far the work reaches
* **Care**: how someone looks after others

# Levels

## Craft

1. **Tinkers**: tries things out
2. **Builds**: builds things that last
3. **Invents**: invents new ways to build

## Scope

1. **Task**: finishes single tasks
2. **Project**: carries a project
3. **Product**: shapes a product

## Care

1. **Listens**: listens to others
2. **Helps**: helps others succeed
3. **Guides**: guides others to grow
`;

/** The keywords of the tiny framework, by axis, lowest rank first. */
export const tinyKeywords = {
  craft: ['Tinkers', 'Builds', 'Invents'],
  scope: ['Task', 'Project', 'Product'],
  care: ['Listens', 'Helps', 'Guides'],
} as const;

/** A valid role page of the tiny framework, with front matter, a level table and two positions. */
export const makerPage = `---
id: maker
title: Maker
---
# Maker

Makers build the things the team ships.

| Level | Seniority | Position |
| :---: | :---: | :---: |
| 1 | Junior | [M1 - Maker 1](#m1---maker-1) |
| 2 | Senior | [M2 - Maker 2](#m2---maker-2) |

## M1 - Maker 1

* **Tinkers**: tries the team's tools — naïve at first
* **Task**: finishes the tasks given
* **Listens**: listens in reviews

## M2 - Maker 2

* **Builds**: builds lasting parts
* **Project**: carries a project
* **Helps**: helps the others

# Other Pages

* [**Introduction**](README.md)
`;

/** Write a ladder folder: each entry is a page name and its text or bytes. */
export function writeLadder(dir: string, pages: Record<string, string | Uint8Array>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(pages)) writeFileSync(path.join(dir, name), content);
  return dir;
}
