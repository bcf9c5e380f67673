# data/earlier.awk: the demo's earlier serial, from data/demo.jsonl and
# the patch data/demo-earlier.jsonl (data/mkdemo.py --earlier writes it).
# Run as: awk -f data/earlier.awk data/demo-earlier.jsonl data/demo.jsonl
# A record line of the patch replaces the record of the same type and key
# (or is added when there is none); a delete line drops that record.
# The lines are compact JSON as mkdemo.py writes them, so the type and
# key are found by their text. POSIX awk.

function field(line, name,    re) {
	re = "\"" name "\":\"[^\"]*\""
	if (!match(line, re))
		return ""
	return substr(line, RSTART + length(name) + 4,
	    RLENGTH - length(name) - 5)
}

function key(line,    t, k) {
	t = field(line, "type")
	if (t == "delete")
		return field(line, "of") ":" field(line, "id")
	k = field(line, "id")
	if (k == "")
		k = field(line, "code")
	return t ":" k
}

NR == FNR {
	k = key($0)
	if (field($0, "type") == "delete")
		drop[k] = 1
	else {
		patch[k] = $0
		order[++n] = k
	}
	next
}

{
	k = key($0)
	if (k in drop)
		next
	if (k in patch) {
		print patch[k]
		used[k] = 1
	} else
		print
}

END {
	for (i = 1; i <= n; i++)
		if (!(order[i] in used))
			print patch[order[i]]
}
