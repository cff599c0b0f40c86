package org.goguides.checks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Workflow commands escaped as GitHub's runner expects, so a message cannot end or forge a command. */
class WorkflowCommandsTest {
    @Test
    void messagesEscapePercentAndLineBreaks() {
        assertEquals("100%25 done%0D%0Anext line", WorkflowCommands.data("100% done\r\nnext line"));
        assertEquals("a%0A::error::forged", WorkflowCommands.data("a\n::error::forged"), "a message cannot start a new command");
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertEquals("a%3Ab%2Cc%25d%0Ae", WorkflowCommands.property("a:b,c%d\ne"));
        assertEquals("::error file=x%2Cy.md,line=3,title=s › id (host%3A1)::m: n, o",
                WorkflowCommands.annotation("error", "x,y.md", 3, "s › id (host:1)", "m: n, o"), "the message keeps : and ,");
    }

    @Test
    void terminalControlsBecomeVisible() {
        assertEquals("\\e[31mred\\e[0m \\u202eevil", WorkflowCommands.data("\u001b[31mred\u001b[0m \u202eevil"));
    }
}
