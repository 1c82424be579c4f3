// The Models page: shipped models with their cards, the random-init controls, the user's own
// models (loaded from a folder, converted from a checkpoint or trained here), and what a model
// does to a mel.
import { useEffect } from 'react';
import { useModels } from '../../state/models.ts';
import { DenoisePanel } from './DenoisePanel.tsx';
import { ModelCards } from './ModelCards.tsx';
import { ModelImport } from './ModelImport.tsx';
import { TrainPanel } from './TrainPanel.tsx';

export function ModelsPage() {
  useEffect(() => void useModels.getState().refresh(), []);
  return (
    <div className="models-page">
      <ModelCards />
      <ModelImport />
      <TrainPanel />
      <DenoisePanel />
    </div>
  );
}
