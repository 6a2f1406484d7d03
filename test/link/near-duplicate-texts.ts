// Short invented reports for the near-duplicate tests: a wire story, a light rewrite of it, a
// syndicated copy under another headline with an outlet's boilerplate, and an unrelated story
// on the same subject (the same countries, the same kind of event) that must stay apart.

export const ORIGINAL = `Poland expelled three Russian diplomats on Tuesday after prosecutors linked them to a plot to set fire to a warehouse in Warsaw, the foreign ministry said.

The ministry gave the diplomats 48 hours to leave the country and summoned the Russian charge d'affaires to explain the embassy's role in the affair.

Prosecutors said the suspects had paid two men to start the fire in May and had filmed the building beforehand. Both men were arrested in June and are awaiting trial.

Russia denied any involvement and said it would respond in kind. The Kremlin spokesman called the expulsions a hostile act that would further damage relations between the two countries.

Poland has expelled more than forty Russian diplomats since 2022, most of them accused of spying for Moscow.`;

// a few words changed, one sentence recast, the last sentence dropped
export const REWRITE = `Poland expelled three Russian diplomats on Tuesday after prosecutors tied them to a plot to set fire to a warehouse in Warsaw, the foreign ministry said.

The ministry gave the three diplomats 48 hours to leave Poland and summoned the Russian charge d'affaires to explain the embassy's role in the affair.

Prosecutors said the suspects had paid two men to start the blaze in May and had filmed the building in advance. Both men were arrested in June and are awaiting trial.

Russia denied any involvement and said it would respond in kind. The Kremlin spokesman called the expulsions a hostile act that would further damage relations between the two countries.`;

// the wire text word for word, with the outlet's own lines before and after it
export const SYNDICATED = `Warsaw - Our correspondent reports from the Polish capital.

Poland expelled three Russian diplomats on Tuesday after prosecutors linked them to a plot to set fire to a warehouse in Warsaw, the foreign ministry said.

The ministry gave the diplomats 48 hours to leave the country and summoned the Russian charge d'affaires to explain the embassy's role in the affair.

Prosecutors said the suspects had paid two men to start the fire in May and had filmed the building beforehand. Both men were arrested in June and are awaiting trial.

Russia denied any involvement and said it would respond in kind. The Kremlin spokesman called the expulsions a hostile act that would further damage relations between the two countries.

Poland has expelled more than forty Russian diplomats since 2022, most of them accused of spying for Moscow.

This article was distributed by a news agency. Sign up for our morning briefing to get the day's news first.`;

// the same countries and the same kind of event, told in other words: another story
export const UNRELATED = `Poland expelled a Russian diplomat on Friday, accusing him of gathering information on military bases near the eastern border, the interior minister said.

The diplomat, a second secretary at the embassy in Warsaw, was declared persona non grata and must leave within a week, the minister told reporters.

Officials said he had met a Polish army officer several times over the summer and had offered money for documents about the deployment of allied troops.

Moscow called the decision a provocation and promised a response. Polish security services say Russian intelligence has stepped up its work in the country since the war in Ukraine began.`;
