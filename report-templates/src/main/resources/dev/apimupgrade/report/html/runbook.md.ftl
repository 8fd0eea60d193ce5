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
"Done when" holds. Every command is printed with the plan's own homes and options and works as printed.

## Contents

- [Set up your shell](#setup)
- [Step 0: back up both homes and the databases](#backup)
- [Before the steps: check the plan, take the before-inventory, rehearse](#prepare)
- [Before you start: what applies without a step of its own](#before)
<#if runbook.undecided?has_content>
- [Not decided](#undecided)
</#if>
- [Steps](#steps)
- [After the steps: verify, compare, evidence](#after)
- [If something goes wrong: roll back](#rollback)
- [Steps left out, and why](#left-out)

<a id="setup"></a>
## Set up your shell

Linux:

```sh
export APIM_OLD_HOME="${runbook.oldHome}"
export APIM_NEW_HOME="${runbook.newHome}"
export APIM_BACKUP="$HOME/apim-upgrade-backup"
<#list runbook.journey.environment as e>
export ${e}='<its value>'   # the plan was made with it set; never stored by the tool
</#list>
```

Windows (cmd):

```bat
set "APIM_OLD_HOME=${runbook.oldHome}"
set "APIM_NEW_HOME=${runbook.newHome}"
set "APIM_BACKUP=%USERPROFILE%\apim-upgrade-backup"
<#list runbook.journey.environment as e>
set "${e}=<its value>"
</#list>
```

<a id="backup"></a>
## Step 0: back up both homes and the databases

- [ ] Done

Stop both servers, then copy what the upgrade reads or changes into `APIM_BACKUP`: each home's configuration,
deployment, tenants, keystores, dropins and lib, and a dump of each database (the dump tools ask for the user and
password). `migrate` saves every file it changes in its run folder too, but only this backup brings the databases
back. Give the dumps' location to `migrate` when it asks (`--database-backup`).

Linux:

```sh
<#list runbook.backupLinux as c>
${c}
</#list>
```

Windows:

```bat
<#list runbook.backupWindows as c>
${c}
</#list>
```

<a id="prepare"></a>
## Before the steps: check the plan, take the before-inventory, rehearse

1. The assessment the evidence bundle starts from:

   ```
   ${runbook.journey.assess}
   ```

2. The inventory of the old installation (APIs, applications, subscriptions, scopes, users, synapse files), to
   compare with after the upgrade; take it before anything changes:

   ```
   ${runbook.journey.beforeInventory}
   ```

3. Check that the installation has not changed since this runbook was made (exit 0: current):

   ```
   ${runbook.journey.planCheck}
   ```

4. Rehearse: what the run would do, and the stops it will make for you (it writes nothing):

   ```
   ${runbook.journey.dryRun}
   ```

<a id="before"></a>
## Before you start: what applies without a step of its own (${runbook.alsoApplies?size})

| Condition | Severity | Guide step | What was seen, what to do |
|---|---|---|---|
<#list runbook.alsoApplies as l>
| `${l.conditionId}` ${l.title?replace("|", "\\|")} | ${l.severity} | ${l.guideStep} | ${l.reason?replace("|", "\\|")} |
<#else>
| None. | | | |
</#list>
<#if runbook.undecided?has_content>

<a id="undecided"></a>
## Not decided (${runbook.undecided?size})

These could not be decided from what was scanned: settle each one before step 1 (answer it in the answers file, or give what is missing), then run plan again.

| Condition | Guide step | Why it is not decided |
|---|---|---|
<#list runbook.undecided as l>
| `${l.conditionId}` ${l.title?replace("|", "\\|")} | ${l.guideStep} | ${l.reason?replace("|", "\\|")} |
</#list>
</#if>

<a id="steps"></a>
## Steps (${runbook.steps?size})

`migrate` carries out the steps the tool can do, in this order, and stops at each step for you: do it, tick it,
then run the same command again with `--confirm <step id>` (at a terminal it asks instead). If it refuses because
the installation changed, it says how to make a plan that continues the same run folder.

```
${runbook.journey.migrate}
```
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
| ${code(e.source)} | <#if e.observed?contains("\n")>${code(e.observed?keep_before("\n"))} (below)<#else>${code(e.observed)}</#if> |
</#list>
<#list s.evidence?filter(e -> e.observed?contains("\n")) as e>

```
${e.observed?keep_after("\n")}
```
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

<a id="after"></a>
## After the steps: verify, compare, evidence

1. Check the result against the plan (exit 0: every check passes):

   ```
   ${runbook.journey.verify}
   ```

2. Compare the installation with the before-inventory (exit 0: no unexplained difference):

   ```
   ${runbook.journey.compare}
   ```

3. Put the assessment, the plan, the run, verify's and compare's outputs into one bundle for the change board:

   ```
   ${runbook.journey.evidence}
   ```

<a id="rollback"></a>
## If something goes wrong: roll back

With both servers stopped, this puts back every file the run changed and the rows its scripts deleted, and names
what only the database backup of step 0 can bring back:

```
${runbook.journey.rollback}
```

<a id="left-out"></a>
## Steps left out, and why (${runbook.leftOut?size})

| Condition | Guide step | Why it does not apply |
|---|---|---|
<#list runbook.leftOut as l>
| `${l.conditionId}` ${l.title?replace("|", "\\|")} | ${l.guideStep} | ${l.reason?replace("|", "\\|")} |
</#list>
