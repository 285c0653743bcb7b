# bash completion for aksc. Installed as share/bash-completion/completions/aksc, where
# bash-completion loads it on demand; or source it from ~/.bashrc.
#
# Subcommands and their options are read from 'aksc --help' and 'aksc <command> --help', so
# the completion follows the installed binary; rule IDs come from 'aksc rules'.

_aksc_commands() {
  "$1" --help 2>/dev/null | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}'
}

_aksc_options() {
  "$1" "$2" --help 2>/dev/null | grep -oE -- '(^|[[ ,])--?[a-z][a-z-]*' | sed 's/^[[ ,]*//' | grep -vxE -- '--(path|rule|which)' | sort -u
}

_aksc() {
  local cur prev words cword
  if declare -F _init_completion > /dev/null; then
    _init_completion -n = || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi
  local aksc=${words[0]}
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -*) ;;
      *)
        command=${words[i]}
        break
        ;;
    esac
  done

  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      mapfile -t COMPREPLY < <(compgen -W '--help --version' -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -W "$(_aksc_commands "$aksc")" -- "$cur")
    fi
    return
  fi

  # Values of the options that take one.
  case $prev in
    -f | --format)
      case $command in
        lint) mapfile -t COMPREPLY < <(compgen -W 'text json sarif junit github' -- "$cur") ;;
        rules) mapfile -t COMPREPLY < <(compgen -W 'text markdown' -- "$cur") ;;
        migrate) mapfile -t COMPREPLY < <(compgen -W 'text json' -- "$cur") ;;
      esac
      return
      ;;
    --fail-on)
      mapfile -t COMPREPLY < <(compgen -W 'error warning note' -- "$cur")
      return
      ;;
    --color)
      mapfile -t COMPREPLY < <(compgen -W 'never always auto' -- "$cur")
      return
      ;;
    -t | --target)
      mapfile -t COMPREPLY < <(compgen -W 'arm az cli all' -- "$cur")
      return
      ;;
    -k | --kind)
      mapfile -t COMPREPLY < <(compgen -W 'AksCompute KubernetesCompute' -- "$cur")
      return
      ;;
    -m | --mode)
      mapfile -t COMPREPLY < <(compgen -W 'create attach provision-and-attach' -- "$cur")
      return
      ;;
    -c | --config | --schema)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return
      ;;
    --allow-path)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return
      ;;
    -o | --out-dir | --output)
      if [[ $command == build || $command == migrate ]]; then
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      fi
      return
      ;;
    -n | --name | -w | --workspace)
      return
      ;;
  esac

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_aksc_options "$aksc" "$command")" -- "$cur")
    return
  fi

  case $command in
    lint | build | show | migrate)
      # Spec files and folders.
      compopt -o filenames 2> /dev/null
      mapfile -t COMPREPLY < <(
        compgen -d -- "$cur"
        compgen -f -X '!*.yaml' -- "$cur"
        compgen -f -X '!*.yml' -- "$cur"
      )
      ;;
    explain)
      mapfile -t COMPREPLY < <(compgen -W "$("$aksc" rules 2>/dev/null | awk '{print $1}')" -- "$cur")
      ;;
    schema)
      mapfile -t COMPREPLY < <(compgen -W 'spec config inventory' -- "$cur")
      ;;
  esac
}

complete -F _aksc aksc
