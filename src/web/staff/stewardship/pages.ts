// The programs, funds and impact updates pages, loaded together as one chunk.
export { ProgramsPage } from './ProgramsPage';
export { ProgramPage } from './ProgramPage';
export { ImpactUpdateEdit } from './ImpactUpdateEdit';
