/** How the simulation panel names states, people, roles and times; kept apart from the hook so pure code and tests need no React. */
export interface SimLabels {
  state(path: string): string;
  /** A business event by the title its transitions give it, else its name. */
  event(name: string): string;
  person(username: string): string;
  role(id: string): string;
  time(iso: string): string;
}
