// OpenSim scalar functions used by joints and moving path points: Constant, LinearFunction, MultiplierFunction,
// PiecewiseLinearFunction, SimmSpline / NaturalCubicSpline (Forsythe-Malcolm-Moler cubic spline, linear outside).
import { childText, kid, numbers, type XmlElement } from "./xml.ts";

export type Fn = (x: number) => number;

function piecewiseLinear(xs: number[], ys: number[]): Fn {
  return (x) => {
    const n = xs.length;
    if (n === 1) return ys[0] as number;
    let i = 0;
    while (i < n - 2 && x > (xs[i + 1] as number)) i++;
    const x0 = xs[i] as number;
    const x1 = xs[i + 1] as number;
    const t = (x - x0) / (x1 - x0);
    return (ys[i] as number) + t * ((ys[i + 1] as number) - (ys[i] as number));
  };
}

/** Cubic spline coefficients after Forsythe, Malcolm and Moler (the algorithm OpenSim's SimmSpline uses). */
function fmmSpline(x: number[], y: number[]): Fn {
  const n = x.length;
  if (n < 3) return piecewiseLinear(x, y);
  const b = new Array<number>(n).fill(0);
  const c = new Array<number>(n).fill(0);
  const d = new Array<number>(n).fill(0);
  const xi = (i: number) => x[i] as number;
  const yi = (i: number) => y[i] as number;
  const nm1 = n - 1;
  d[0] = xi(1) - xi(0);
  c[1] = (yi(1) - yi(0)) / (d[0] as number);
  for (let i = 1; i < nm1; i++) {
    d[i] = xi(i + 1) - xi(i);
    b[i] = 2 * ((d[i - 1] as number) + (d[i] as number));
    c[i + 1] = (yi(i + 1) - yi(i)) / (d[i] as number);
    c[i] = (c[i + 1] as number) - (c[i] as number);
  }
  b[0] = -(d[0] as number);
  b[nm1] = -(d[n - 2] as number);
  c[0] = 0;
  c[nm1] = 0;
  if (n > 3) {
    c[0] = (c[2] as number) / (xi(3) - xi(1)) - (c[1] as number) / (xi(2) - xi(0));
    c[nm1] = (c[n - 2] as number) / (xi(nm1) - xi(n - 3)) - (c[n - 3] as number) / (xi(n - 2) - xi(n - 4));
    c[0] = ((c[0] as number) * (d[0] as number) * (d[0] as number)) / (xi(3) - xi(0));
    c[nm1] = (-(c[nm1] as number) * (d[n - 2] as number) * (d[n - 2] as number)) / (xi(nm1) - xi(n - 4));
  }
  for (let i = 1; i < n; i++) {
    const t = (d[i - 1] as number) / (b[i - 1] as number);
    b[i] = (b[i] as number) - t * (d[i - 1] as number);
    c[i] = (c[i] as number) - t * (c[i - 1] as number);
  }
  c[nm1] = (c[nm1] as number) / (b[nm1] as number);
  for (let i = n - 2; i >= 0; i--)
    c[i] = ((c[i] as number) - (d[i] as number) * (c[i + 1] as number)) / (b[i] as number);
  b[nm1] =
    (yi(nm1) - yi(n - 2)) / (d[n - 2] as number) +
    (d[n - 2] as number) * ((c[n - 2] as number) + 2 * (c[nm1] as number));
  for (let i = 0; i < nm1; i++) {
    b[i] = (yi(i + 1) - yi(i)) / (d[i] as number) - (d[i] as number) * ((c[i + 1] as number) + 2 * (c[i] as number));
    d[i] = ((c[i + 1] as number) - (c[i] as number)) / (d[i] as number);
    c[i] = 3 * (c[i] as number);
  }
  c[nm1] = 3 * (c[nm1] as number);
  d[nm1] = d[n - 2] as number;
  return (u) => {
    if (u <= xi(0)) return yi(0) + (b[0] as number) * (u - xi(0));
    if (u >= xi(nm1)) return yi(nm1) + (b[nm1] as number) * (u - xi(nm1));
    let i = 0;
    while (i < nm1 - 1 && u >= xi(i + 1)) i++;
    const dx = u - xi(i);
    return yi(i) + dx * ((b[i] as number) + dx * ((c[i] as number) + dx * (d[i] as number)));
  };
}

/** Reads the function element inside `holder` (e.g. a TransformAxis or an x_location). */
export function readFunction(holder: XmlElement, where: string): Fn {
  const el = holder.children.find((c) =>
    [
      "Constant",
      "LinearFunction",
      "MultiplierFunction",
      "PiecewiseLinearFunction",
      "SimmSpline",
      "NaturalCubicSpline",
    ].includes(c.name),
  );
  if (!el) {
    const fn = kid(holder, "function");
    if (fn) return readFunction(fn, where);
    throw new Error(`${where}: no function found`);
  }
  switch (el.name) {
    case "Constant": {
      const v = Number(childText(el, "value") ?? "0");
      return () => v;
    }
    case "LinearFunction": {
      const [a = 1, b = 0] = numbers(childText(el, "coefficients"));
      return (x) => a * x + b;
    }
    case "MultiplierFunction": {
      const inner = kid(el, "function");
      if (!inner) throw new Error(`${where}: MultiplierFunction without function`);
      const f = readFunction(inner, where);
      const s = Number(childText(el, "scale") ?? "1");
      return (x) => s * f(x);
    }
    case "PiecewiseLinearFunction":
      return piecewiseLinear(numbers(childText(el, "x")), numbers(childText(el, "y")));
    default:
      return fmmSpline(numbers(childText(el, "x")), numbers(childText(el, "y")));
  }
}
