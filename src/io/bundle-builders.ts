/** The standards' outputs of an edition's bundle (docs/bundle.md), in the order the bundle lists them. */
import { segibBuilder } from '../domain/bundle/segib-sheet.js';
import { tossdBuilder } from '../domain/bundle/tossd-file.js';
import { unSscBuilder } from '../domain/bundle/un-ssc-table.js';
import type { BuilderFactory } from './edition-bundle.js';

export const BUNDLE_BUILDERS: readonly BuilderFactory[] = [tossdBuilder, segibBuilder, unSscBuilder];
