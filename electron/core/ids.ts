import { v7 as uuidv7 } from 'uuid';
import type { IdSource } from './deps';

export const uuidV7Ids = (): IdSource => ({ next: () => uuidv7() });
