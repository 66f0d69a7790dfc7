namespace Monitor.Worker.Cli;

/// <summary>The <c>completion SHELL</c> verb: a script that asks this program for completions through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive (the line without its first word), for the commands <c>Monitor.Worker</c> and <c>monitor</c>.</summary>
public static class CompletionScripts
{
    /// <summary>Writes the script for <paramref name="shell"/> (bash, zsh, fish or pwsh).</summary>
    public static async Task<int> WriteAsync(string shell, TextWriter output)
    {
        await output.WriteAsync(Script(shell, Invocation()));
        return 0;
    }

    /// <summary>The script for <paramref name="shell"/>, calling <paramref name="command"/> (already quoted for the shell).</summary>
    public static string Script(string shell, string command) => shell switch
    {
        "bash" => $$"""
            # Monitor.Worker completion for bash: eval "$(Monitor.Worker completion bash)" in ~/.bashrc
            _monitor_worker_complete() {
              local line="${COMP_LINE:0:COMP_POINT}"
              local rest="${line#*[[:space:]]}"
              [[ "$rest" == "$line" ]] && rest=""
              local IFS=$'\n'
              COMPREPLY=( $(compgen -W "$({{command}} "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _monitor_worker_complete Monitor.Worker monitor

            """,
        "zsh" => $$"""
            # Monitor.Worker completion for zsh: eval "$(Monitor.Worker completion zsh)" in ~/.zshrc (after compinit)
            _monitor_worker() {
              local line="${BUFFER[1,CURSOR]}"
              local rest="${line#*[[:space:]]}"
              [[ "$rest" == "$line" ]] && rest=""
              local -a items
              items=("${(@f)$({{command}} "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
              compadd -- $items
            }
            compdef _monitor_worker Monitor.Worker monitor

            """,
        "fish" => $$"""
            # Monitor.Worker completion for fish: Monitor.Worker completion fish > ~/.config/fish/completions/monitor.fish
            function __monitor_worker_complete
                set -l rest (string replace -r '^\S+\s*' '' -- (commandline -cp))
                {{command}} "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
            end
            complete -c Monitor.Worker -c monitor -f -a '(__monitor_worker_complete)'

            """,
        "pwsh" => $$"""
            # Monitor.Worker completion for PowerShell: Monitor.Worker completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName Monitor.Worker, monitor -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                $line = $line.Substring(0, [Math]::Min($cursorPosition - $commandAst.Extent.StartOffset, $line.Length))
                $rest = $line -replace '^\S+\s*', ''
                & {{command}} "[suggest:$($rest.Length)]" "$rest" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
        _ => throw new CliUsageException($"'{shell}' is not a shell Monitor writes completions for: {string.Join(", ", CliVerbs.Shells)}"),
    };

    /// <summary>How the shell calls this program back: the apphost, or <c>dotnet Monitor.Worker.dll</c>, quoted.</summary>
    private static string Invocation()
    {
        var process = Environment.ProcessPath ?? "Monitor.Worker";
        var assembly = typeof(CompletionScripts).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && assembly.Length > 0
            ? $"{Quote(process)} {Quote(assembly)}"
            : Quote(process);
    }

    private static string Quote(string value) => $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
