// Public surface of recognition (browser-safe): a Recognizer (a probe or a Han CNN with its
// folder's calibration) behind one call, and the many-clip pipelines on it: recognize each item,
// score labelled items (P/R/F1, confusion, not-sure count, ECE), fit a calibration on labelled
// validation items. Node pieces (folders of audio with labels, model folders): ./node.ts.
export { hanRecognizer, probeRecognizer, type ModelIdentity, type Recognizer } from './recognizer.ts';
export { checkItemLabels, readItem, type LabelledItem, type SkippedItem } from './items.ts';
export { recognizeEach, type RunItemsOptions } from './run-items.ts';
export { scoreFolder, type FileOutcome, type FolderScore, type ScoreFolderOptions } from './score-folder.ts';
export { scoreBySource, type SourceScore } from './score-by-source.ts';
export { calibrationFor, weightsIdentity } from './identity.ts';
export { labelledFiles, type FolderFile, type LabelledFile, type LabelledFiles } from './labelled-files.ts';
export { calibrateOnItems, type ValidationSetInfo } from './calibrate-items.ts';
export { AUDIO_EXTENSIONS, isAudioName, labelFromBracketName, parseLabelText, parseLabelsJson } from './labels-parse.ts';
export { combinationIdentity, combineAnswers, memberName, type MemberAnswer } from './combination-answer.ts';
export { COMBINATION_FILE, combinationKey, combineScores, combinedRecognizer, makeCombination, parseCombination, type CombinationMember, type CombinationSpec } from './combination.ts';
