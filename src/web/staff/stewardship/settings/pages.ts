// The gift settings pages, loaded together as one chunk.
export { GiftSettingsPage } from './GiftSettingsPage';
export { LevelsPage } from './LevelsPage';
export { TemplateEdit } from './TemplateEdit';
export { TemplatesPage } from './TemplatesPage';
