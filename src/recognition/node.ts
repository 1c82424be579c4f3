// Node-only pieces of recognition: labelled folders (corpus split, labels.json, IRMAS style) and
// model folders (probe or Han CNN, with calibration.json) as Recognizers.
export { listAudioFiles, openLabelledFolder, type FolderLayout, type LabelledFolder, type OpenFolderOptions } from './labelled-folder-node.ts';
export { DEFAULT_PROBE_DIR, loadCalibrationFor, modelFolderKind, modelIdentity, openRecognizer, readCombination, type OpenRecognizerOptions } from './open-node.ts';
