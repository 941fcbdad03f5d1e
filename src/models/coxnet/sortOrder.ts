/**
 * The permutation sorting `v` ascending by R. C. Singleton's quicksort (CACM algorithm 347, the variant glmnet's
 * Fortran calls psort7): median-of-three partitioning, explicit stack, insertion sort below 11 elements. It is not
 * stable, and glmnet's Cox risk sets depend on where it puts a censoring tied with an event time, so the Cox elastic
 * net reproduces glmnet's order with it. Returns 0-based indices. O(n log n) expected.
 */
export function singletonOrder(v: ArrayLike<number>): Int32Array {
  const n = v.length;
  // 1-based working copy of the permutation, as the original
  const a = new Int32Array(n + 1);
  for (let q = 1; q <= n; q++) a[q] = q - 1;
  const val = (q: number): number => v[a[q]!]!;
  const il = new Int32Array(64), iu = new Int32Array(64);
  let m = 1, i = 1, j = n;
  let k = 0, l = 0, t = 0, tt = 0, vt = 0;
  let state = 10;
  for (;;) {
    switch (state) {
      case 10:
        state = i >= j ? 80 : 20;
        break;
      case 20: {
        k = i;
        const ij = (j + i) >> 1;
        t = a[ij]!;
        vt = v[t]!;
        if (val(i) > vt) {
          a[ij] = a[i]!;
          a[i] = t;
          t = a[ij]!;
          vt = v[t]!;
        }
        l = j;
        if (val(j) < vt) {
          a[ij] = a[j]!;
          a[j] = t;
          t = a[ij]!;
          vt = v[t]!;
          if (val(i) > vt) {
            a[ij] = a[i]!;
            a[i] = t;
            t = a[ij]!;
            vt = v[t]!;
          }
        }
        state = 50;
        break;
      }
      case 40:
        a[l] = a[k]!;
        a[k] = tt;
        state = 50;
        break;
      case 50:
        l--;
        while (val(l) > vt) l--;
        tt = a[l]!;
        k++;
        while (val(k) < vt) k++;
        if (k <= l) {
          state = 40;
          break;
        }
        if (l - i <= j - k) {
          il[m] = k;
          iu[m] = j;
          j = l;
        } else {
          il[m] = i;
          iu[m] = l;
          i = k;
        }
        m++;
        state = 90;
        break;
      case 80:
        m--;
        if (m === 0) return Int32Array.from(a.subarray(1));
        i = il[m]!;
        j = iu[m]!;
        state = 90;
        break;
      case 90:
        if (j - i > 10) {
          state = 20;
          break;
        }
        if (i === 1) {
          state = 10;
          break;
        }
        i--;
        state = 100;
        break;
      case 100:
        i++;
        if (i === j) {
          state = 80;
          break;
        }
        t = a[i + 1]!;
        vt = v[t]!;
        if (val(i) > vt) {
          k = i;
          do {
            a[k + 1] = a[k]!;
            k--;
          } while (vt < val(k));
          a[k + 1] = t;
        }
        state = 100;
        break;
    }
  }
}
