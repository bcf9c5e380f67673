# fish completion for globe(1).
#
# globe itself says what fits: `globe __complete line WORD...` prints
# ":words" or ":files" and then one candidate a line ("VALUE<TAB>WHAT",
# as fish wants them), from its own command table and from the cache
# (read-only, never waiting for a lock or the network). So a new command
# or option completes without a change here.

function __globe_complete
    set -l words (commandline -opc)
    set -l prog $words[1]
    set -e words[1]
    set -l cur (commandline -ct)
    set -l lines ($prog __complete line $words $cur 2>/dev/null)
    switch "$lines[1]"
        case :files
            __fish_complete_path $cur
        case :words
            printf '%s\n' $lines[2..-1]
    end
end

complete -c globe -f -a '(__globe_complete)'
