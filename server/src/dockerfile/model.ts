// The typed Dockerfile model rules see. (Stages, instructions and image resolution arrive with the
// Dockerfile support; until then a Dockerfile is linted by no rule.)
export interface DockerfileFile {
  language: 'dockerfile';
  text: string;
  uri: string;
}

export function parseDockerfile(text: string, uri: string): DockerfileFile {
  return { language: 'dockerfile', text, uri };
}
