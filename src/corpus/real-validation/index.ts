// Public surface of the real-recording validation set: the part rules (tune / report by recording).
// The set itself is manifest.json; assemble.ts (a CLI script) turns it into a corpus folder.
export { PARTS, PART_SPLIT, recordingOf, clipRecordings, partProblems, partCounts, type Part, type PartClip, type SourceRef } from './parts.ts';
