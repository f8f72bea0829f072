// The image classification now lives in server/src/images/ (Kubernetes rules use it too); kept for the
// Dockerfile rules that import it from here.
export { classifyImage, nonRootDefaultUser, suggestedNonRootUser } from '../../server/src/images/classify.js';
