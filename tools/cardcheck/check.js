// Reads a JSON array of Adaptive Cards on standard input and parses each with Microsoft's adaptivecards
// library as Teams' 1.5 host would. Prints a JSON array with, per card, every parse and validation event.
"use strict";
const AC = require("adaptivecards/dist/adaptivecards.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const cards = JSON.parse(input);
  const results = cards.map((json) => {
    const problems = [];
    if (json.version !== "1.5") problems.push(`version is ${json.version}, Teams supports 1.5`);
    const context = new AC.SerializationContext(new AC.Version(1, 5));
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      problems.push(`parse: ${e.message}`);
    }
    for (const e of card.validateProperties().validationEvents) {
      problems.push(`validate: ${e.message}`);
    }
    return problems;
  });
  process.stdout.write(JSON.stringify(results));
});
