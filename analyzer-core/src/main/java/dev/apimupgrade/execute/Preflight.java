package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.util.List;

/**
 * A fresh scan and decision of the installation, taken just before executing: the engine compares its fingerprint
 * with the plan's and refuses open blockers. The CLI provides it with exactly the scanning code assess and plan use.
 */
public interface Preflight {
    Snapshot scan() throws InputException;

    /**
     * What the fresh scan saw: the facts, their fingerprint, the blockers the rules found open
     * (those that apply and those they could not decide), and how to reach the
     * old home's datasources (with their passwords, so never printed and never a fact).
     */
    record Snapshot(
            Facts facts, Fingerprint fingerprint, List<ConditionResult> blockers, DatasourceSpecs datasources) {}
}
