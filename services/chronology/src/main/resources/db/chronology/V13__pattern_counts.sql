-- What each pattern of a run counted (agencies, records, acts), so that the same run going on is not announced again
-- with every act that joins it, only when what it counts grows (issue 12: 300 shares by three agencies in a minute
-- made 297 PatternDetected, each with every share so far). Null for patterns that are not counts, and for those
-- announced before this version (they hold back only detections made of their own acts, as before).
alter table pattern_flag add column counted integer;
