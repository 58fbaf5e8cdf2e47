/** Zod's messages in Vietnamese for everything the command line validates: coordinators read them. */
import { z } from 'zod';

z.config(z.locales.vi());
