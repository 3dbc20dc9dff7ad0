// Lowercase particles inside names: "Bank of America", "Universidad de El Salvador", "Ruiz de
// la Cruz".
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'of de del la los las da do dos van von al bin y &'.split(' '),
);
