// Minimal typings for the parts of jstat radval uses (jstat ships no types).
declare module "jstat" {
  interface JStatNormal {
    inv(p: number, mean: number, sd: number): number;
    cdf(x: number, mean: number, sd: number): number;
  }
  interface JStatStatic {
    normal: JStatNormal;
  }
  const jStat: JStatStatic;
  export default jStat;
  export { jStat };
}
