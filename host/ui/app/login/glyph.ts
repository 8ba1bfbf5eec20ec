// Moved to sdk/ui/glyph.ts (the corp app fields in sdk/ui draw it too); kept for the shell's imports.
export { Glyph, type GlyphName } from '../../../../sdk/ui/glyph.js';
