// Every catalogue of the staff console in one language: one chunk, loaded when it is needed.
import { uk as translation } from '../uk';
import { uk as contacts } from '../contacts/uk';
import { uk as gifts } from '../gifts/uk';
import { uk as home } from '../home/uk';
import { uk as settings } from '../settings/uk';
import { uk as stewardship } from '../stewardship/uk';

export const bundle = { translation, contacts, gifts, home, settings, stewardship };
