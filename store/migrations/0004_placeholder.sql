-- Version 4 is reserved for branch paralegal (issue 14). This empty
-- migration only keeps the numbers without a gap on branch capture2, whose
-- migration is 0005; delete this file when paralegal's 0004 is merged.
SELECT 1;
