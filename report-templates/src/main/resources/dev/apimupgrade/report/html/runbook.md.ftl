<#-- A table cell's code span: pipes escaped; a value holding backticks gets a double-backtick span so it stays one. -->
<#function code v><#local t = v?replace("|", "\\|")><#return t?contains("`")?then("`` " + t + " ``", "`" + t + "`")></#function>
<#-- The runbook as Markdown for a wiki. Formats dev.apimupgrade.report.RunbookView; decides nothing. -->
# Runbook: WSO2 API Manager 3.0.0 to 3.1.0

| | |
|---|---|
| Tool | ${runbook.tool.name} ${runbook.tool.version} |
| Rule pack | `${runbook.tool.rulePackHash}` |
| Plan fingerprint | `${runbook.planSha256}` |
| Steps | ${runbook.steps?size} |

Only the steps that apply to this installation, in the order of the upgrade guide. Tick each box when its
"Done when" holds. Before you follow it, run `apim-upgrade plan --check plan.json` to be sure the installation has
not changed since this runbook was made.
<#if runbook.distributed>

**Distributed setup:** each step names the node it runs on.
</#if>

## Set up your shell

Linux:

```sh
export APIM_OLD_HOME="${runbook.oldHome}"
export APIM_NEW_HOME="${runbook.newHome}"
export APIM_BACKUP="$HOME/apim-upgrade-backup"
```

Windows (cmd):

```bat
set "APIM_OLD_HOME=${runbook.oldHome}"
set "APIM_NEW_HOME=${runbook.newHome}"
set "APIM_BACKUP=%USERPROFILE%\apim-upgrade-backup"
```

## Before you start: what applies without a step of its own (${runbook.alsoApplies?size})

| Condition | Severity | Guide step | What was seen, what to do |
|---|---|---|---|
<#list runbook.alsoApplies as l>
| `${l.conditionId}` ${l.title?replace("|", "\\|")} | ${l.severity} | ${l.guideStep} | ${l.reason?replace("|", "\\|")} |
<#else>
| None. | | | |
</#list>
<#if runbook.undecided?has_content>

## Not decided (${runbook.undecided?size})

These could not be decided from what was scanned: settle each one before step 1 (answer it in the answers file, or give what is missing), then run plan again.

| Condition | Guide step | Why it is not decided |
|---|---|---|
<#list runbook.undecided as l>
| `${l.conditionId}` ${l.title?replace("|", "\\|")} | ${l.guideStep} | ${l.reason?replace("|", "\\|")} |
</#list>
</#if>

## Steps (${runbook.steps?size})
<#list runbook.steps as s>

### ${s.number}. ${s.what}

- [ ] Done

${s.guideStep} · `${s.conditionId}` · ${s.kind} · <#if s.automated>the tool can do this<#else>by hand</#if><#if s.node?has_content> · **Node: ${s.node}**</#if>

**Why:** ${s.conditionTitle}.
<#list s.why as w>
- ${w}
</#list>
<#if s.evidence?has_content>

| Source | Observed |
|---|---|
<#list s.evidence as e>
| ${code(e.source)} | ${code(e.observed)} |
</#list>
</#if>
<#if s.snippet?has_content>

Configuration:

```${s.snippetLanguage}
${s.snippet}
```
</#if>
<#if s.linux?has_content>
<#if s.sameOnBoth>

Command (Linux and Windows):

```
<#list s.linux as c>
${c}
</#list>
```
<#else>

Linux:

```sh
<#list s.linux as c>
${c}
</#list>
```

Windows:

```bat
<#list s.windows as c>
${c}
</#list>
```
</#if>
</#if>
<#if s.sql?has_content>

SQL:

```sql
<#list s.sql as q>
${q}
<#sep>

</#sep>
</#list>
```
</#if>
<#if s.sqlNote?has_content>

_${s.sqlNote}_
</#if>

**Done when:** ${s.done}

Guide: [${s.guideStep}](${s.guideLink}) · Step ID: `${s.id}`
<#else>

_No step applies to this installation._
</#list>

## Steps left out, and why (${runbook.leftOut?size})

| Condition | Guide step | Why it does not apply |
|---|---|---|
<#list runbook.leftOut as l>
| `${l.conditionId}` ${l.title?replace("|", "\\|")} | ${l.guideStep} | ${l.reason?replace("|", "\\|")} |
</#list>
