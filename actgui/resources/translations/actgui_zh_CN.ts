<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsPage</name>
    <message>
        <source>{name} {p} from {lo} to {hi}; curves follow as you drag.</source>
        <translation>{name} 的 {p}，范围 {lo} 到 {hi}；拖动时曲线随之变化。</translation>
    </message>
    <message>
        <source>{name} has no parameter to tune. Select one of: {list}.</source>
        <translation>{name} 没有可调参数。可选择以下之一：{list}。</translation>
    </message>
    <message>
        <source>{name} has no parameter</source>
        <translation>{name} 没有参数</translation>
    </message>
    <message>
        <source>{name}: {p} = {v}</source>
        <translation>{name}：{p} = {v}</translation>
    </message>
    <message>
        <source>{name}: parameter back to its default.</source>
        <translation>{name}：参数已恢复默认值。</translation>
    </message>
    <message>
        <source>(1 + tanh(z/2)) / 2</source>
        <translation>(1 + tanh(z/2)) / 2</translation>
    </message>
    <message>
        <source>Largest gap from σ(z) on this range: {e}</source>
        <translation>在此范围内与 σ(z) 的最大差距：{e}</translation>
    </message>
    <message>
        <source>Tick an activation to check it.</source>
        <translation>勾选一个激活函数以进行检验。</translation>
    </message>
    <message>
        <source>Largest error: {e} ({name}); points within 4h of a kink are skipped.</source>
        <translation>最大误差：{e}（{name}）；折点 4h 以内的点已跳过。</translation>
    </message>
</context>
<context>
    <name>BoundaryTiles</name>
    <message>
        <source>What each network predicts over the input plane, for its first seed: blue and orange are the two classes, pale where the network is unsure. Dots are the training points. Same data, same starting weights; only the activation differs.</source>
        <translation>每个网络（取第一个随机种子）在输入平面上的预测：蓝色和橙色代表两个类别，颜色越浅表示网络越拿不准。圆点是训练点。数据相同，初始权重相同，只有激活函数不同。</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>种子 {0}</translation>
    </message>
    <message>
        <source>seed {0}, first of {1}</source>
        <translation>种子 {0}（共 {1} 个中的第一个）</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>在第 {0} 步发散</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>Colour shows what the network predicts at every point of the plane; the pale band is where it is unsure. Filled dots are training data, rings are test data.
Click to add a point of the selected class; Ctrl+click or right-click removes the nearest point.</source>
        <translation>颜色表示网络对平面上每一点的预测，浅色带是它拿不准的区域。实心点是训练数据，圆环是测试数据。
单击可添加一个所选类别的点；Ctrl+单击或右键单击可删除最近的点。</translation>
    </message>
    <message>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>What the colours and symbols of the plane mean.</source>
        <translation>平面上各种颜色和符号的含义。</translation>
    </message>
    <message>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>CompareCurves</name>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>Loss against epochs for every activation: solid lines are the training loss, dashed lines the test loss. Lower is better; a curve that drops sooner learned faster. With several seeds the line is their mean and the band spans the best and the worst seed.</source>
        <translation>各激活函数的损失随轮次的变化：实线为训练损失，虚线为测试损失。越低越好；下降得越早，说明学得越快。使用多个随机种子时，线条是它们的平均值，色带覆盖最好与最差的种子。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Which losses the chart shows.</source>
        <translation>图中显示哪些损失。</translation>
    </message>
    <message>
        <source>train and test</source>
        <translation>训练和测试</translation>
    </message>
    <message>
        <source>train only</source>
        <translation>仅训练</translation>
    </message>
    <message>
        <source>test only</source>
        <translation>仅测试</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>A logarithmic loss axis: small losses stay apart instead of hugging zero.</source>
        <translation>损失轴使用对数刻度：较小的损失也能彼此区分，而不会都挤在零附近。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt;</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(lower is better)</source>
        <translation>（越低越好）</translation>
    </message>
    <message>
        <source>loss ({0})</source>
        <translation>损失（{0}）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Sigmoid, tanh or ReLU? Race them.</source>
        <translation>sigmoid、tanh 还是 ReLU？让它们比一比。</translation>
    </message>
    <message>
        <source>Which activation learns fastest depends on the problem: no rule settles it for every case. This page settles it for the case in front of you.</source>
        <translation>哪个激活函数学得最快取决于具体问题，没有放之四海而皆准的规则。这一页帮你在眼前这个问题上得出答案。</translation>
    </message>
    <message>
        <source>No rule says which activation learns fastest on every problem, so run the experiment: the same network, trained side by side with each activation.</source>
        <translation>没有哪条规则能断定哪个激活函数在所有问题上都学得最快，那就做个实验：同一个网络，分别换上各个激活函数，并排训练。</translation>
    </message>
    <message>
        <source>Every run sees the same data, the same mini-batches and — seed for seed — the same initial weights; only the activation differs.</source>
        <translation>每次运行使用相同的数据、相同的小批量，并且在同一个随机种子下初始权重也完全相同；唯一不同的是激活函数。</translation>
    </message>
    <message>
        <source>That is what makes the race fair: any difference in the curves comes from the activation, not from luck in the data or the starting point.</source>
        <translation>这样比赛才公平：曲线上的任何差别都来自激活函数，而不是数据或起点的运气。</translation>
    </message>
    <message>
        <source>Start or pause training of every network at once; they always stay at the same step.</source>
        <translation>同时开始或暂停所有网络的训练；它们始终处在同一步。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One mini-batch step for every network.</source>
        <translation>让每个网络各训练一个小批量。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Every network back to its starting weights (the same ones again) and step 0.</source>
        <translation>所有网络恢复到初始权重（仍是同一组）并回到第 0 步。</translation>
    </message>
    <message>
        <source>Training steps per screen update (about 60 a second), for every network; the computer may manage fewer.</source>
        <translation>每个网络在每次刷新画面（约每秒 60 次）之间训练的步数；计算机可能达不到这个速度。</translation>
    </message>
    <message>
        <source>{0} steps/frame</source>
        <translation>{0} 步/帧</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Save the table or the curves as a CSV file for a spreadsheet.</source>
        <translation>将表格或曲线保存为 CSV 文件，便于在电子表格中使用。</translation>
    </message>
    <message>
        <source>Table…</source>
        <translation>表格…</translation>
    </message>
    <message>
        <source>One row per activation: mean and standard deviation over the seeds of every column, and the settings used.</source>
        <translation>每个激活函数一行：各列在所有随机种子上的平均值和标准差，以及所用的设置。</translation>
    </message>
    <message>
        <source>Curves…</source>
        <translation>曲线…</translation>
    </message>
    <message>
        <source>One row per network and recorded epoch: its train and test loss and accuracy.</source>
        <translation>每个网络的每个记录轮次一行：训练与测试的损失和准确率。</translation>
    </message>
    <message>
        <source>Where every network is now (they share one clock), and how fast they train.</source>
        <translation>各网络当前的进度（它们共用同一个时钟）以及训练速度。</translation>
    </message>
    <message>
        <source>The test loss a network must reach for the table&apos;s “epochs to target” column.</source>
        <translation>表格中“达标轮次”一列所要求达到的测试损失。</translation>
    </message>
    <message>
        <source>Target test loss</source>
        <translation>目标测试损失</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Export the curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>Setting not applied</source>
        <translation>设置未生效</translation>
    </message>
    <message>
        <source>This setting cannot be used, so nothing was changed:

{0}</source>
        <translation>无法使用此设置，因此没有做任何更改：

{0}</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not write {0}:
{1}</source>
        <translation>无法写入 {0}：
{1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  暂停</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <source>One seed is one roll of the dice: a lucky or unlucky start can decide the race. Repeat over several seeds before drawing a conclusion.</source>
        <translation>一个随机种子只是掷一次骰子：起点的好坏可能直接决定胜负。请换几个种子重复实验，再下结论。</translation>
    </message>
    <message>
        <source>Means over {0} seeds ({1} to {2}): each band spans the best and the worst seed; cells show mean ± standard deviation.</source>
        <translation>{0} 个随机种子（{1} 到 {2}）的平均值：色带覆盖最好与最差的种子；单元格显示平均值 ± 标准差。</translation>
    </message>
    <message>
        <source>epoch {0} · step {1} · {2} networks</source>
        <translation>第 {0} 轮 · 第 {1} 步 · {2} 个网络</translation>
    </message>
    <message>
        <source> · {0} steps/s each</source>
        <translation> · 每个 {0} 步/秒</translation>
    </message>
    <message>
        <source>{0} (seed {1}) diverged at step {2}: its weights overflowed, so it stays frozen there while the others carry on.</source>
        <translation>{0}（种子 {1}）在第 {2} 步发散：权重溢出，因此它停在那里，其他网络继续训练。</translation>
    </message>
</context>
<context>
    <name>CompareSettings</name>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Uniform ±0.5</source>
        <translation>均匀分布 ±0.5</translation>
    </message>
    <message>
        <source>Xavier (Glorot)</source>
        <translation>Xavier (Glorot)</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>hidden: write the units of each layer as whole numbers separated by commas, e.g. “8, 8”; got “{0}”</source>
        <translation>隐藏层：请用逗号分隔的整数写出每层的单元数，例如“8, 8”；收到的是“{0}”</translation>
    </message>
    <message>
        <source>learning_rate must be a number such as 0.03, got “{0}”</source>
        <translation>学习率必须是数字，例如 0.03；收到的是“{0}”</translation>
    </message>
    <message>
        <source>Activations (2 to 4)</source>
        <translation>激活函数（2 到 4 个）</translation>
    </message>
    <message>
        <source>Tick two to four activations to race against each other. Each keeps its colour from the Activations page.</source>
        <translation>勾选两到四个激活函数来比一比。每个激活函数的颜色与“激活函数”页一致。</translation>
    </message>
    <message>
        <source>Shared settings</source>
        <translation>共同设置</translation>
    </message>
    <message>
        <source>Every network in the race uses these settings.</source>
        <translation>参赛的每个网络都使用这些设置。</translation>
    </message>
    <message>
        <source>The toy data set every network learns.</source>
        <translation>每个网络都要学习的玩具数据集。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>How far points scatter from the clean shape; with noise no boundary can be perfect.</source>
        <translation>数据点偏离理想形状的程度；有了噪声，任何边界都不可能完美。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Units per hidden layer, separated by commas (1 to 16 units, up to 8 layers), e.g. “8, 8”. Press Enter to apply.</source>
        <translation>每个隐藏层的单元数，用逗号分隔（每层 1 到 16 个单元，最多 8 层），例如“8, 8”。按回车键生效。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>How big each step down the loss is. Too small and every activation crawls; too large and some diverge. Type a value or pick one.</source>
        <translation>沿损失下降方向每一步迈多大。太小则每个激活函数都学得很慢；太大则有些会发散。可以输入数值，也可以从列表中选择。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>How the gradient moves the weights: plain steps (SGD), steps that keep some speed (momentum), or steps scaled per weight (Adam).</source>
        <translation>梯度如何更新权重：普通步长（SGD）、保留部分速度的步长（动量法），或按每个权重单独缩放的步长（Adam）。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Training points per step (mini-batch). Every network sees the same mini-batches in the same order.</source>
        <translation>每一步使用的训练点数（小批量）。每个网络以相同的顺序看到相同的小批量。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>How the starting weights are drawn. Networks with the same seed start from exactly the same weights.</source>
        <translation>初始权重的抽取方式。随机种子相同的网络，初始权重完全相同。</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Multiplies the starting weights. Large values start sigmoid and tanh units saturated.</source>
        <translation>初始权重的倍数。取值较大时，sigmoid 和 tanh 单元一开始就处于饱和状态。</translation>
    </message>
    <message>
        <source>Weight scale</source>
        <translation>权重缩放</translation>
    </message>
    <message>
        <source>The starting value of every bias. Negative values can switch ReLU units off before they learn.</source>
        <translation>所有偏置的初始值。取负值可能让 ReLU 单元在学习之前就被关闭。</translation>
    </message>
    <message>
        <source>Initial bias</source>
        <translation>初始偏置</translation>
    </message>
    <message>
        <source>Random seed of the starting weights and of the mini-batch order. With several seeds the runs use this one and the next ones.</source>
        <translation>初始权重和小批量顺序所用的随机种子。使用多个种子时，依次使用此种子及其后的种子。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Train every activation from this many different starting weights (seeds) and show the mean with the spread. One seed can mislead: a lucky or unlucky start may decide the race.</source>
        <translation>每个激活函数都从这么多组不同的初始权重（随机种子）开始训练，并显示平均值及其波动范围。只用一个种子可能产生误导：起点的好坏可能直接决定胜负。</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <source>Four at a time keeps the picture readable: untick one first, then tick {0}.</source>
        <translation>一次最多四个，图才看得清：请先取消勾选一个，再勾选 {0}。</translation>
    </message>
    <message>
        <source>A comparison needs at least two activations, so {0} stays ticked.</source>
        <translation>比较至少需要两个激活函数，因此 {0} 保持勾选。</translation>
    </message>
</context>
<context>
    <name>CompareTable</name>
    <message>
        <source>The activation of every hidden unit in this row&apos;s networks.</source>
        <translation>这一行的网络中，所有隐藏单元使用的激活函数。</translation>
    </message>
    <message>
        <source>Loss on the training points: what training minimises.</source>
        <translation>训练点上的损失：训练要最小化的目标。</translation>
    </message>
    <message>
        <source>Loss on the test points, which the networks never train on: the fairer measure of what they learned.</source>
        <translation>测试点上的损失。网络从不在测试点上训练，所以它更能公平地衡量网络学到了什么。</translation>
    </message>
    <message>
        <source>Share of training points classified correctly.</source>
        <translation>训练点中分类正确的比例。</translation>
    </message>
    <message>
        <source>Share of test points classified correctly.</source>
        <translation>测试点中分类正确的比例。</translation>
    </message>
    <message>
        <source>The first recorded epoch at which the test loss was at or below the target: fewer means faster learning. Over several seeds the mean of the seeds that got there, and (in brackets) how many did when not all have.</source>
        <translation>测试损失首次达到或低于目标时所记录的轮次：越少说明学得越快。使用多个随机种子时，取达标种子的平均值；若并非所有种子都达标，括号中给出达标的数目。</translation>
    </message>
    <message>
        <source>Hidden units whose activation has zero slope on every training point: they no longer learn (ReLU&apos;s dying).</source>
        <translation>在每个训练点上激活函数斜率都为零的隐藏单元：它们不再学习（即 ReLU 的“死亡”）。</translation>
    </message>
    <message>
        <source>Hidden units sitting on a flat part of their activation for most training points, so their gradient is tiny.</source>
        <translation>对大多数训练点而言处在激活函数平坦段的隐藏单元，因而梯度极小。</translation>
    </message>
    <message>
        <source>How often all weights into a unit must move the same way in one update, averaged over the layers fed by hidden units. Always 100 % behind sigmoid, whose outputs are all positive; zero-centred tanh leaves room for mixed signs.</source>
        <translation>一次更新中，进入某个单元的全部权重只能朝同一方向变化的频率，对以隐藏单元为输入的各层取平均。在 sigmoid 之后总是 100 %，因为它的输出全为正；以零为中心的 tanh 则允许正负混合。</translation>
    </message>
    <message>
        <source>The numbers behind the curves, one row per activation; the best value of each loss, accuracy and speed column is in bold. With several seeds each cell shows mean ± standard deviation over the seeds.</source>
        <translation>曲线背后的数字，每个激活函数一行；损失、准确率和速度各列的最佳值以粗体显示。使用多个随机种子时，每个单元格显示各种子的平均值 ± 标准差。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Train
loss</source>
        <translation>训练
损失</translation>
    </message>
    <message>
        <source>Test
loss</source>
        <translation>测试
损失</translation>
    </message>
    <message>
        <source>Train
accuracy</source>
        <translation>训练
准确率</translation>
    </message>
    <message>
        <source>Test
accuracy</source>
        <translation>测试
准确率</translation>
    </message>
    <message>
        <source>Epochs to
test loss ≤ {0}</source>
        <translation>测试损失 ≤ {0}
所需轮次</translation>
    </message>
    <message>
        <source>Dead units
(of {0})</source>
        <translation>死亡单元
（共 {0} 个）</translation>
    </message>
    <message>
        <source>Saturated
(of {0})</source>
        <translation>饱和单元
（共 {0} 个）</translation>
    </message>
    <message>
        <source>Same-sign
updates</source>
        <translation>同号
更新</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未达到</translation>
    </message>
    <message>
        <source>not yet (0/{0})</source>
        <translation>尚未达到（0/{0}）</translation>
    </message>
    <message>
        <source> ({0}/{1})</source>
        <translation>（{0}/{1}）</translation>
    </message>
    <message>
        <source> · diverged</source>
        <translation> · 已发散</translation>
    </message>
    <message>
        <source> · {0} diverged</source>
        <translation> · {0} 个发散</translation>
    </message>
    <message>
        <source>Diverged runs are frozen at their last finite weights; the first diverged at step {0}.</source>
        <translation>发散的运行停留在最后一组有限的权重上；第一个在第 {0} 步发散。</translation>
    </message>
</context>
<context>
    <name>CurveControls</name>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Tick an activation to draw it. Select a row to see its formula, tune its parameter and shade its zones.</source>
        <translation>勾选激活函数即可画出曲线。选中某一行可查看公式、调节参数并标出区域。</translation>
    </message>
    <message>
        <source>Tick to draw {name}; select to inspect it.</source>
        <translation>勾选以画出 {name}；选中以查看详情。</translation>
    </message>
    <message>
        <source>z range</source>
        <translation>z 范围</translation>
    </message>
    <message>
        <source>Left end of the z axis.</source>
        <translation>z 轴左端。</translation>
    </message>
    <message>
        <source>Right end of the z axis.</source>
        <translation>z 轴右端。</translation>
    </message>
    <message>
        <source>Reset the range to z from {lo} to {hi}.</source>
        <translation>将范围恢复为 z 从 {lo} 到 {hi}。</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Current value of the parameter.</source>
        <translation>参数的当前值。</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Set the parameter back to its default.</source>
        <translation>将参数恢复为默认值。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Tangent at the probe</source>
        <translation>探针处的切线</translation>
    </message>
    <message>
        <source>Draw the tangent line of the selected activation at the probe; its slope is f′(z).</source>
        <translation>在探针处画出所选激活函数的切线，其斜率就是 f′(z)。</translation>
    </message>
    <message>
        <source>Saturation zone</source>
        <translation>饱和区</translation>
    </message>
    <message>
        <source>Shade where the selected activation&apos;s slope is at most 5.91 % of its peak slope (but not zero): gradients passing back almost vanish.</source>
        <translation>标出所选激活函数斜率不超过峰值斜率 5.91 %（但不为零）的区域：反向传播的梯度在这里几乎消失。</translation>
    </message>
    <message>
        <source>Dead zone</source>
        <translation>死区</translation>
    </message>
    <message>
        <source>Shade where the selected activation&apos;s slope is exactly zero: no gradient passes back at all.</source>
        <translation>标出所选激活函数斜率恰好为零的区域：梯度完全无法反向传过。</translation>
    </message>
    <message>
        <source>σ(z) = (1 + tanh(z/2)) / 2</source>
        <translation>σ(z) = (1 + tanh(z/2)) / 2</translation>
    </message>
    <message>
        <source>Overlay (1 + tanh(z/2)) / 2 as a dashed curve: it lies exactly on the sigmoid.</source>
        <translation>以虚线叠加 (1 + tanh(z/2)) / 2：它与 sigmoid 曲线完全重合。</translation>
    </message>
    <message>
        <source>Check f′ numerically</source>
        <translation>数值检验 f′</translation>
    </message>
    <message>
        <source>Overlay (f(z + h) − f(z − h)) / 2h with h = 10⁻⁵ as dotted curves on the f′ plot, and report the largest difference from the exact f′.</source>
        <translation>在 f′ 图上以点线叠加 (f(z + h) − f(z − h)) / 2h（h = 10⁻⁵），并给出与精确 f′ 的最大差值。</translation>
    </message>
</context>
<context>
    <name>CurveNotes</name>
    <message>
        <source>Notes on the activations shown here.</source>
        <translation>关于这里所示激活函数的说明。</translation>
    </message>
    <message>
        <source>Sigmoid or tanh?</source>
        <translation>sigmoid 还是 tanh？</translation>
    </message>
    <message>
        <source>Both are S-shaped, and the sigmoid is just a shifted, rescaled tanh: σ(z) = (1 + tanh(z/2)) / 2. The sigmoid outputs lie between 0 and 1 and its slope is never above 0.25; tanh outputs lie between −1 and 1 and its slope reaches 1 at z = 0.</source>
        <translation>两者都是 S 形曲线，sigmoid 其实就是平移并缩放后的 tanh：σ(z) = (1 + tanh(z/2)) / 2。sigmoid 的输出在 0 到 1 之间，导数最大不过 0.25；tanh 的输出在 −1 到 1 之间，导数在 z = 0 处达到 1。</translation>
    </message>
    <message>
        <source>Why zero-centring matters: the gradient of weight w&lt;sub&gt;jk&lt;/sub&gt; into unit j is a&lt;sub&gt;k&lt;/sub&gt;·δ&lt;sub&gt;j&lt;/sub&gt;. If every input a&lt;sub&gt;k&lt;/sub&gt; is positive, as sigmoid outputs always are, all these gradients share the sign of δ&lt;sub&gt;j&lt;/sub&gt;, so one step moves all of the unit&apos;s incoming weights up together or down together. Tanh outputs take both signs, which removes that bias. It is a rule of thumb, not a guarantee: the gain varies by task.</source>
        <translation>为什么以零为中心很重要：进入神经元 j 的权重 w&lt;sub&gt;jk&lt;/sub&gt; 的梯度是 a&lt;sub&gt;k&lt;/sub&gt;·δ&lt;sub&gt;j&lt;/sub&gt;。如果所有输入 a&lt;sub&gt;k&lt;/sub&gt; 都为正（sigmoid 的输出总是如此），这些梯度的符号就都与 δ&lt;sub&gt;j&lt;/sub&gt; 相同，于是每走一步，该神经元的所有输入权重要么一起增大，要么一起减小。tanh 的输出有正有负，消除了这种偏向。不过这只是经验法则，并非定理：效果因任务而异。</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>max(0, z) costs one comparison, and for z &amp;gt; 0 its slope is exactly 1, so it never saturates on that side. For z ≤ 0 the output and the slope are both 0. If a unit&apos;s z is ≤ 0 for every training input, no gradient reaches its weights or bias, so they stop changing and the unit stays dead. Leaky ReLU and ELU keep a small slope there.</source>
        <translation>max(0, z) 只需一次比较；z &amp;gt; 0 时斜率恰好为 1，所以这一侧永远不会饱和。z ≤ 0 时输出和斜率都是 0。如果某个单元对每个训练输入都有 z ≤ 0，梯度就到不了它的权重和偏置，它们不再变化，这个单元也就“死”了，再也活不过来。Leaky ReLU 和 ELU 在这一侧保留了一个小斜率。</translation>
    </message>
    <message>
        <source>The shaded zones</source>
        <translation>阴影区域</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{sat}&apos;&gt;■&lt;/span&gt; Saturated: the slope is at most 5.91 % of the steepest slope, so a gradient passing back is at least 17 times weaker than at the steepest point (for tanh this is exactly |tanh z| ≥ 0.97). &lt;span style=&apos;color:{dead}&apos;&gt;■&lt;/span&gt; Dead: the slope is exactly 0 and nothing passes. Zones are drawn for the selected activation.</source>
        <translation>&lt;span style=&apos;color:{sat}&apos;&gt;■&lt;/span&gt; 饱和：斜率不超过最大斜率的 5.91 %，反向传过的梯度至少比最陡处弱 17 倍（对 tanh 而言恰好是 |tanh z| ≥ 0.97）。&lt;span style=&apos;color:{dead}&apos;&gt;■&lt;/span&gt; 死区：斜率恰好为 0，梯度完全无法通过。区域针对所选的激活函数绘制。</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Softmax is not applied one number at a time: it turns a whole vector of scores into probabilities that add up to 1. It is used in the output layer of a classifier. See the Softmax page.</source>
        <translation>softmax 不是逐个数值作用的：它把一整个分数向量变成总和为 1 的概率，常用于分类器的输出层。详见“softmax”页。</translation>
    </message>
</context>
<context>
    <name>CurvePlots</name>
    <message>
        <source>f(z)</source>
        <translation>f(z)</translation>
    </message>
    <message>
        <source>f′(z)</source>
        <translation>f′(z)</translation>
    </message>
    <message>
        <source>Output of each ticked activation. Drag the vertical probe line to read values.</source>
        <translation>每个已勾选激活函数的输出。拖动竖直的探针线可读取数值。</translation>
    </message>
    <message>
        <source>Slope of each activation: the factor by which a gradient is multiplied when it flows back through the unit. Shaded bands mark where it is tiny or zero.</source>
        <translation>每个激活函数的斜率：梯度反向流过该单元时要乘上的系数。阴影带标出斜率极小或为零的区域。</translation>
    </message>
    <message>
        <source>saturated: |f′| ≤ 5.91 % of peak</source>
        <translation>饱和：|f′| ≤ 峰值的 5.91 %</translation>
    </message>
    <message>
        <source>dead: f′ = 0</source>
        <translation>死区：f′ = 0</translation>
    </message>
    <message>
        <source>no saturation in view</source>
        <translation>视图内无饱和区</translation>
    </message>
    <message>
        <source>no dead zone in view</source>
        <translation>视图内无死区</translation>
    </message>
    <message>
        <source>Drag to move the probe along z.</source>
        <translation>拖动以沿 z 轴移动探针。</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>z = {z}</source>
        <translation>z = {z}</translation>
    </message>
    <message>
        <source>tangent at the probe</source>
        <translation>探针处的切线</translation>
    </message>
    <message>
        <source>central difference (h = 10⁻⁵)</source>
        <translation>中心差分（h = 10⁻⁵）</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <source>Log-scale loss</source>
        <translation>损失用对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis, so progress stays visible once the loss is small.</source>
        <translation>用对数坐标轴显示损失，这样损失变小之后仍能看清进展。</translation>
    </message>
    <message>
        <source>Loss and accuracy: training solid, test dashed. The other plots draw each layer in its colour; the same-sign share of the weights into a layer takes that layer&apos;s colour. Every plot runs over the epochs trained so far.</source>
        <translation>损失和准确率：训练为实线，测试为虚线。其余各图中每一层用各自的颜色绘制；进入某层的权重的同号比例使用该层的颜色。所有图的横轴都是迄今训练的轮次。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Activations: mean ± std per layer</source>
        <translation>激活值：各层平均值 ± 标准差</translation>
    </message>
    <message>
        <source>Activations: mean ± std</source>
        <translation>激活值：平均值 ± 标准差</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Dead (solid) and saturated (dashed) units</source>
        <translation>死亡（实线）和饱和（虚线）单元</translation>
    </message>
    <message>
        <source>Dead ━ and saturated ╍ units</source>
        <translation>死亡 ━ 和饱和 ╍ 单元</translation>
    </message>
    <message>
        <source>Dead / saturated</source>
        <translation>死亡 / 饱和</translation>
    </message>
    <message>
        <source>Same-sign gradient share</source>
        <translation>同号梯度比例</translation>
    </message>
    <message>
        <source>Same-sign share</source>
        <translation>同号比例</translation>
    </message>
    <message>
        <source>Training loss (solid) and test loss (dashed). A test loss that rises while the training loss falls means the network is memorising its data.</source>
        <translation>训练损失（实线）和测试损失（虚线）。如果训练损失下降而测试损失上升，说明网络在死记硬背训练数据。</translation>
    </message>
    <message>
        <source>Share of points classified correctly, training (solid) and test (dashed).</source>
        <translation>分类正确的点所占比例，训练（实线）和测试（虚线）。</translation>
    </message>
    <message>
        <source>Mean output of each hidden layer over the training data, with a band of one standard deviation. When the band reaches ±1 (0 or 1 for sigmoid), many units sit at their limits: they are saturated and pass almost no gradient back. A band squeezed around 0 means the layer passes on little signal.</source>
        <translation>每个隐藏层在训练数据上的平均输出，色带为一个标准差。色带触及 ±1（sigmoid 为 0 或 1）时，许多单元停在极限值上：它们饱和了，几乎不再回传梯度。色带挤在 0 附近，则说明这一层传递的信号很少。</translation>
    </message>
    <message>
        <source>How many units of each layer are dead (no gradient on any training point, solid) or saturated (flat on most points, dashed). Counts that climb explain why learning slows down or stops.</source>
        <translation>每层有多少单元死亡（在所有训练点上都没有梯度，实线）或饱和（在大多数点上处于平坦段，虚线）。这些数目上升，就解释了学习为什么变慢甚至停止。</translation>
    </message>
    <message>
        <source>Share of examples for which all of a unit&apos;s incoming weight updates have the same sign, per weight layer. Near 1 the weights can only zig-zag towards their target, as after all-positive sigmoid outputs; zero-centred activations such as tanh keep it lower.</source>
        <translation>按权重层统计：某个单元所有输入权重的更新符号都相同的样本所占比例。接近 1 时，权重只能走“之”字形逼近目标，sigmoid 输出全为正时就是这样；tanh 等以零为中心的激活函数能让这个比例低一些。</translation>
    </message>
    <message>
        <source>Hover a plot to see what to look for in it.</source>
        <translation>将鼠标悬停在图上，查看该看些什么。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Regression has no accuracy: the loss says how far off the values are.</source>
        <translation>回归没有准确率：损失表示预测值偏离了多少。</translation>
    </message>
    <message>
        <source>Press Play to start training.</source>
        <translation>按“播放”开始训练。</translation>
    </message>
    <message>
        <source>No share to show: no gradient reaches these weights (every unit of a layer is dead).</source>
        <translation>没有比例可显示：梯度到不了这些权重（某一层的单元全部死亡）。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Accuracy (classification only)</source>
        <translation>准确率（仅限分类）</translation>
    </message>
</context>
<context>
    <name>DataGroup</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>How much the points are scattered away from the clean shape. More noise makes the classes overlap, so no boundary can be perfect.</source>
        <translation>数据点偏离理想形状的程度。噪声越大，类别之间重叠越多，任何边界都不可能完美。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest are test points (rings) that show how well the network does on data it never learned from.</source>
        <translation>用于训练的点所占比例；其余为测试点（圆环），用来检验网络在从未学过的数据上表现如何。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>How many points the data set has (training and test together).</source>
        <translation>数据集中点的总数（训练点与测试点合计）。</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Draw new random points of the same kind; the network starts again.</source>
        <translation>重新随机生成同类数据点；网络从头开始训练。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Replace the points by your own from a CSV file with the columns x1, x2, label (coordinates between −6 and 6).</source>
        <translation>用你自己的 CSV 文件替换数据点，文件包含 x1、x2、label 三列（坐标在 −6 到 6 之间）。</translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>two classes</source>
        <translation>两个类别</translation>
    </message>
    <message>
        <source>{n} classes</source>
        <translation>{n} 个类别</translation>
    </message>
    <message>
        <source>regression (a number per point)</source>
        <translation>回归（每个点一个数值）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}</translation>
    </message>
    <message>
        <source>Choose the data the network learns. Hover over a picture to see its name; orange and blue are the two classes.</source>
        <translation>选择网络要学习的数据。将鼠标悬停在图片上可查看名称；橙色和蓝色代表两个类别。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export All &amp;Figures…</source>
        <translation>导出全部图表(&amp;F)…</translation>
    </message>
    <message>
        <source>Save every plot of this page into a folder, each as a PNG picture and an SVG drawing</source>
        <translation>将本页的每张图表保存到一个文件夹中，每张都存为 PNG 图片和 SVG 矢量图</translation>
    </message>
    <message>
        <source>Export F&amp;igure</source>
        <translation>导出图表(&amp;I)</translation>
    </message>
    <message>
        <source>Save one plot of this page as a PNG picture or an SVG drawing</source>
        <translation>将本页的一张图表保存为 PNG 图片或 SVG 矢量图</translation>
    </message>
    <message>
        <source>Export &amp;Data as CSV…</source>
        <translation>将数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the numbers behind this page&apos;s plots as a CSV table, for a spreadsheet or your own code</source>
        <translation>将本页图表背后的数值保存为 CSV 表格，可用于电子表格或你自己的代码</translation>
    </message>
    <message>
        <source>PNG &amp;Size</source>
        <translation>PNG 尺寸(&amp;S)</translation>
    </message>
    <message>
        <source>How large exported PNG pictures are, compared with the plot on screen</source>
        <translation>导出的 PNG 图片相对于屏幕上图表的大小</translation>
    </message>
    <message>
        <source>{0}× the size on screen</source>
        <translation>屏幕尺寸的 {0} 倍</translation>
    </message>
    <message>
        <source>PNG pictures {0} times as wide and high as the plot on screen</source>
        <translation>PNG 图片的宽和高都是屏幕上图表的 {0} 倍</translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
    <message>
        <source>Save this plot as {0}.png or .svg</source>
        <translation>将这张图表保存为 {0}.png 或 .svg</translation>
    </message>
    <message>
        <source>{0} could not be written:

{1}

Nothing was saved.</source>
        <translation>无法写入 {0}：

{1}

没有保存任何内容。</translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation>导出全部图表</translation>
    </message>
    <message>
        <source>Wrote {0} files to {1}: {2}</source>
        <translation>已将 {0} 个文件写入 {1}：{2}</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FormulaCard</name>
    <message>
        <source>Formulas and key facts of the selected activation.</source>
        <translation>所选激活函数的公式和要点。</translation>
    </message>
    <message>
        <source>f(z)</source>
        <translation>f(z)</translation>
    </message>
    <message>
        <source>f′(z)</source>
        <translation>f′(z)</translation>
    </message>
    <message>
        <source>Output range</source>
        <translation>输出范围</translation>
    </message>
    <message>
        <source>Zero-centred</source>
        <translation>以零为中心</translation>
    </message>
    <message>
        <source>Saturated where</source>
        <translation>饱和条件</translation>
    </message>
    <message>
        <source>{lo} to {hi}</source>
        <translation>{lo} 到 {hi}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>0 &amp;lt; |f′| ≤ {t}  (5.91 % of the peak slope)</source>
        <translation>0 &amp;lt; |f′| ≤ {t}（峰值斜率的 5.91 %）</translation>
    </message>
    <message>
        <source>{name}: peak slope {peak} at {where}</source>
        <translation>{name}：最大斜率 {peak}，位于 {where}</translation>
    </message>
</context>
<context>
    <name>GradientView</name>
    <message>
        <source>∂L/∂zᵢ</source>
        <translation>∂L/∂zᵢ</translation>
    </message>
    <message>
        <source>class i</source>
        <translation>类别 i</translation>
    </message>
    <message>
        <source>Loss gradient ∂L/∂z</source>
        <translation>损失梯度 ∂L/∂z</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Bar i is (aᵢ − 1 if i = y, else aᵢ) / T — simply a − onehot(y) at T = 1. Gradient descent moves each logit against its bar: the target&apos;s logit rises, the others fall.</source>
        <translation>第 i 根柱的值为 (i = y 时取 aᵢ − 1，否则取 aᵢ) / T——在 T = 1 时就是 a − onehot(y)。梯度下降让每个 logit 朝柱子的反方向移动：目标类别的 logit 上升，其余的下降。</translation>
    </message>
    <message>
        <source>L = −log a{y} = &lt;b&gt;{loss}&lt;/b&gt;</source>
        <translation>L = −log a{y} = &lt;b&gt;{loss}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>JacobianView</name>
    <message>
        <source>output aᵢ  (row i)</source>
        <translation>输出 aᵢ（第 i 行）</translation>
    </message>
    <message>
        <source>logit zⱼ  (column j)</source>
        <translation>logit zⱼ（第 j 列）</translation>
    </message>
    <message>
        <source>Jacobian ∂aᵢ/∂zⱼ</source>
        <translation>雅可比矩阵 ∂aᵢ/∂zⱼ</translation>
    </message>
    <message>
        <source>Point at a cell to see which formula gives it and its value.</source>
        <translation>将鼠标指向某个格子，可查看它由哪个公式算出以及它的值。</translation>
    </message>
    <message>
        <source>Adding up each row, and each column, of the Jacobian gives 0 up to rounding: this is the largest of those sums.</source>
        <translation>雅可比矩阵每一行、每一列之和在舍入误差范围内都为 0：这里显示的是这些和中最大的一个。</translation>
    </message>
    <message>
        <source>colour scale ±1/(4T) = ±{limit}</source>
        <translation>色标范围 ±1/(4T) = ±{limit}</translation>
    </message>
    <message>
        <source>Every row and every column sums to 0, up to rounding error (at most &lt;b&gt;{worst}&lt;/b&gt;).</source>
        <translation>每一行和每一列之和都为 0，仅有舍入误差（最多 &lt;b&gt;{worst}&lt;/b&gt;）。</translation>
    </message>
    <message>
        <source>∂a{i}/∂z{i} = a{i}(1 − a{i}) / T = {ai} × {bi} / {t} = {v}   — on the diagonal (i = j)</source>
        <translation>∂a{i}/∂z{i} = a{i}(1 − a{i}) / T = {ai} × {bi} / {t} = {v}   —— 对角线上（i = j）</translation>
    </message>
    <message>
        <source>∂a{i}/∂z{j} = −a{i}·a{j} / T = −{ai} × {aj} / {t} = {v}   — off the diagonal (i ≠ j)</source>
        <translation>∂a{i}/∂z{j} = −a{i}·a{j} / T = −{ai} × {aj} / {t} = {v}   —— 对角线外（i ≠ j）</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of menus, pages and notes</source>
        <translation>菜单、页面和说明文字使用的语言</translation>
    </message>
    <message>
        <source>Use the language of the operating system</source>
        <translation>使用操作系统的语言</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time actgui starts.</source>
        <translation>下次启动 actgui 时将切换语言。</translation>
    </message>
</context>
<context>
    <name>LayerActivationsDialog</name>
    <message>
        <source>Activation per layer</source>
        <translation>逐层激活函数</translation>
    </message>
    <message>
        <source>Give single hidden layers their own activation; the others use the one chosen for all layers ({0}).</source>
        <translation>为个别隐藏层单独指定激活函数；其余各层使用统一选择的激活函数（{0}）。</translation>
    </message>
    <message>
        <source>as for all layers</source>
        <translation>与所有层相同</translation>
    </message>
    <message>
        <source>Activation of hidden layer {0}.</source>
        <translation>第 {0} 个隐藏层的激活函数。</translation>
    </message>
    <message>
        <source>Layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
</context>
<context>
    <name>LogitControls</name>
    <message>
        <source>Logits z (the layer&apos;s raw scores)</source>
        <translation>logit z（该层的原始分数）</translation>
    </message>
    <message>
        <source>Number of classes k</source>
        <translation>类别数 k</translation>
    </message>
    <message>
        <source>How many logits, and so how many classes (2 to 10).</source>
        <translation>logit 的个数，也就是类别的个数（2 到 10）。</translation>
    </message>
    <message>
        <source>Drag to set logit z{i} between −10 and 10.</source>
        <translation>拖动以在 −10 到 10 之间设置 logit z{i}。</translation>
    </message>
    <message>
        <source>Logit z{i}. Type any value, even ±1000 or ±1000000; softmax stays finite.</source>
        <translation>logit z{i}。可以输入任意值，甚至 ±1000 或 ±1000000；softmax 的结果始终有限。</translation>
    </message>
    <message>
        <source>Randomize</source>
        <translation>随机生成</translation>
    </message>
    <message>
        <source>Draw new logits at random (normal, mean 0, spread 2).</source>
        <translation>随机抽取新的 logit（正态分布，均值 0，标准差 2）。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Restore the starting logits, temperature and target class.</source>
        <translation>恢复初始的 logit、温度和目标类别。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>actgui — Activation functions, seen</source>
        <translation>actgui — 看得见的激活函数</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Explore activation functions: their curves, slopes and saturation</source>
        <translation>探索激活函数：曲线、斜率和饱和</translation>
    </message>
    <message>
        <source>Tick activations to overlay their curves; move the z probe to read the value and the slope at that point.</source>
        <translation>勾选激活函数可叠加显示曲线；移动 z 探针可读取该点的函数值和斜率。</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>See how softmax turns a list of scores (logits) into probabilities</source>
        <translation>看 softmax 如何把一组分数（logit）变成概率</translation>
    </message>
    <message>
        <source>Change the logits or the temperature and watch the probabilities move; they always add up to 1.</source>
        <translation>改变 logit 或温度，观察概率如何变化；它们的总和始终为 1。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Watch a tiny network learn, and see its units die and saturate</source>
        <translation>观察一个小网络学习，看它的单元如何死亡和饱和</translation>
    </message>
    <message>
        <source>Press Play (Space) and watch the decision boundary form; click a unit to inspect it.</source>
        <translation>按“播放”（空格键）观察决策边界的形成；单击某个单元可查看详情。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Train with different activations side by side, over several seeds</source>
        <translation>用不同的激活函数并排训练，并重复多个随机种子</translation>
    </message>
    <message>
        <source>Tick 2 to 4 activations and press Play: every run sees the same data and starting weights.</source>
        <translation>勾选 2 到 4 个激活函数并按“播放”：每次运行的数据和初始权重都相同。</translation>
    </message>
    <message>
        <source>Activation functions, seen</source>
        <translation>看得见的激活函数</translation>
    </message>
    <message>
        <source>Choose a page (Ctrl+1 to Ctrl+4)</source>
        <translation>选择页面（Ctrl+1 到 Ctrl+4）</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>版本 {0}</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close actgui</source>
        <translation>关闭 actgui</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Use the whole screen for the window</source>
        <translation>让窗口占满整个屏幕</translation>
    </message>
    <message>
        <source>&amp;About actgui</source>
        <translation>关于 actgui(&amp;A)</translation>
    </message>
    <message>
        <source>Version, purpose and licences</source>
        <translation>版本、用途和许可证</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt toolkit that draws this window</source>
        <translation>绘制本窗口的 Qt 工具包</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset to Defaults…</source>
        <translation>恢复默认设置(&amp;R)…</translation>
    </message>
    <message>
        <source>Forget the saved window size, page, recent sessions, language and export choices</source>
        <translation>清除已保存的窗口大小、页面、最近会话、语言和导出选项</translation>
    </message>
    <message>
        <source>Reset to Defaults</source>
        <translation>恢复默认设置</translation>
    </message>
    <message>
        <source>Forget all saved settings: window size and position, the last page, recent sessions, the language and the export choices?

A language change takes effect the next time actgui starts.</source>
        <translation>要清除所有已保存的设置吗？包括窗口大小和位置、上次打开的页面、最近会话、语言和导出选项。

语言的更改将在下次启动 actgui 时生效。</translation>
    </message>
    <message>
        <source>All settings are back to their defaults.</source>
        <translation>所有设置已恢复为默认值。</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key actgui answers to, on one sheet</source>
        <translation>actgui 响应的所有按键，一览无余</translation>
    </message>
    <message>
        <source>&lt;h3&gt;actgui {version}&lt;/h3&gt;&lt;p&gt;actgui lets you see how the activation functions of artificial neurons behave: their curves and slopes, what softmax does to a list of scores, and what happens inside a small network while it learns: which ReLU units die, which sigmoid and tanh units saturate, and why zero-centred outputs help.&lt;/p&gt;&lt;p&gt;actgui is free software under the MIT licence. It is built on:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;PySide6 {pyside} and Qt {qt}: GNU LGPL version 3&lt;/li&gt;&lt;li&gt;pyqtgraph {pyqtgraph}: MIT licence&lt;/li&gt;&lt;li&gt;NumPy {numpy}: BSD 3-Clause licence&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;actgui {version}&lt;/h3&gt;&lt;p&gt;actgui 让你亲眼看到人工神经元的激活函数如何工作：它们的曲线和斜率，softmax 如何处理一组分数，以及一个小网络在学习时内部发生了什么——哪些 ReLU 单元会死掉，哪些 sigmoid 和 tanh 单元会饱和，以及为什么以零为中心的输出更有利。&lt;/p&gt;&lt;p&gt;actgui 是自由软件，采用 MIT 许可证。它基于：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;PySide6 {pyside} 和 Qt {qt}：GNU LGPL 第 3 版&lt;/li&gt;&lt;li&gt;pyqtgraph {pyqtgraph}：MIT 许可证&lt;/li&gt;&lt;li&gt;NumPy {numpy}：BSD 3-Clause 许可证&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>About actgui</source>
        <translation>关于 actgui</translation>
    </message>
</context>
<context>
    <name>NetworkTips</name>
    <message>
        <source>unit {0} of layer {1}</source>
        <translation>第 {1} 层的第 {0} 个单元</translation>
    </message>
    <message>
        <source>the output for class {0}</source>
        <translation>类别 {0} 的输出</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>w = {0}, from {1} to {2}&lt;br&gt;&lt;i&gt;Click to edit it.&lt;/i&gt;</source>
        <translation>w = {0}，从 {1} 到 {2}&lt;br&gt;&lt;i&gt;单击可编辑。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>b = {0}, the bias of {1}</source>
        <translation>b = {0}，{1} 的偏置</translation>
    </message>
    <message>
        <source>Input &lt;b&gt;{0}&lt;/b&gt;, scaled to [−1, 1]&lt;br&gt;&lt;i&gt;Click to turn it off.&lt;/i&gt;</source>
        <translation>输入 &lt;b&gt;{0}&lt;/b&gt;，已缩放到 [−1, 1]&lt;br&gt;&lt;i&gt;单击可关闭。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is not used&lt;br&gt;&lt;i&gt;Click to give it to the network.&lt;/i&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 未使用&lt;br&gt;&lt;i&gt;单击可将其提供给网络。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {0}, unit {1}&lt;/b&gt; ({2})</source>
        <translation>&lt;b&gt;第 {0} 层，第 {1} 个单元&lt;/b&gt;（{2}）</translation>
    </message>
    <message>
        <source>z range on the training points: [{0}, {1}]</source>
        <translation>训练点上 z 的范围：[{0}, {1}]</translation>
    </message>
    <message>
        <source>Saturated on {0} % of them</source>
        <translation>在其中 {0} % 的点上饱和</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dead&lt;/b&gt;: its slope is 0 on every training point</source>
        <translation>&lt;b&gt;已死亡&lt;/b&gt;：在每个训练点上斜率都为 0</translation>
    </message>
    <message>
        <source>Not dead</source>
        <translation>未死亡</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1})</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;（{1}）</translation>
    </message>
    <message>
        <source>Mean output: {0}</source>
        <translation>平均输出：{0}</translation>
    </message>
    <message>
        <source>Bias: {0}</source>
        <translation>偏置：{0}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click to inspect this unit.&lt;/i&gt;</source>
        <translation>&lt;i&gt;单击可查看此单元。&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Activation of hidden layer {0}: {1}</source>
        <translation>第 {0} 个隐藏层的激活函数：{1}</translation>
    </message>
    <message>
        <source>What the network is given about each point. Click a square to turn that input on or off.</source>
        <translation>网络对每个点获得的信息。单击方块可开启或关闭该输入。</translation>
    </message>
    <message>
        <source>What the network answers at each point of the plane.</source>
        <translation>网络对平面上每一点给出的回答。</translation>
    </message>
    <message>
        <source>Remove a unit from layer {0}</source>
        <translation>从第 {0} 层移除一个单元</translation>
    </message>
    <message>
        <source>A layer needs at least one unit</source>
        <translation>每层至少需要一个单元</translation>
    </message>
    <message>
        <source>Add a unit to layer {0}</source>
        <translation>为第 {0} 层添加一个单元</translation>
    </message>
    <message>
        <source>At most {0} units per layer</source>
        <translation>每层最多 {0} 个单元</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>移除最后一个隐藏层</translation>
    </message>
    <message>
        <source>There are no hidden layers to remove</source>
        <translation>没有可移除的隐藏层</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>At most {0} hidden layers</source>
        <translation>最多 {0} 个隐藏层</translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation>1 个隐藏层</translation>
    </message>
    <message>
        <source>{0} hidden layers</source>
        <translation>{0} 个隐藏层</translation>
    </message>
    <message>
        <source>P(class {0})</source>
        <translation>P(类别 {0})</translation>
    </message>
    <message>
        <source>P(class 1)</source>
        <translation>P(类别 1)</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>unit output</source>
        <translation>单元输出</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>(output: probability 0 … 1)</source>
        <translation>（输出：概率 0 … 1）</translation>
    </message>
    <message>
        <source>Each square shows what its unit outputs at every point of the input plane (x&lt;sub&gt;1&lt;/sub&gt; to the right, x&lt;sub&gt;2&lt;/sub&gt; up): orange negative, white 0, blue positive, full colour from ±1 on. The sigmoid output shows the probability of class 1: orange near 0, white at 0.5, blue near 1.&lt;br&gt;Links: blue for positive and orange for negative weights, thicker when larger. The small square at the lower left of a unit is its bias.&lt;br&gt;A red cross marks a dead unit (its slope is 0 on every training point); a purple ring grows with the share of training points on which a unit saturates.</source>
        <translation>每个方块显示对应单元在输入平面上各点的输出（x&lt;sub&gt;1&lt;/sub&gt; 向右，x&lt;sub&gt;2&lt;/sub&gt; 向上）：橙色为负，白色为 0，蓝色为正，从 ±1 起为全色。sigmoid 输出显示类别 1 的概率：接近 0 为橙色，0.5 为白色，接近 1 为蓝色。&lt;br&gt;连线：蓝色表示正权重，橙色表示负权重，权重越大线越粗。单元左下角的小方块是它的偏置。&lt;br&gt;红色叉号标记死亡单元（在每个训练点上斜率都为 0）；紫色圆环随单元饱和的训练点比例增大而变大。</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 个单元</translation>
    </message>
    <message>
        <source>{0} units</source>
        <translation>{0} 个单元</translation>
    </message>
    <message>
        <source>{0}/{1} dead</source>
        <translation>{0}/{1} 死亡</translation>
    </message>
    <message>
        <source>{0} dead</source>
        <translation>{0} 死亡</translation>
    </message>
    <message>
        <source>✕{0}</source>
        <translation>✕{0}</translation>
    </message>
    <message>
        <source>{0}/{1} saturated</source>
        <translation>{0}/{1} 饱和</translation>
    </message>
    <message>
        <source>{0}/{1} sat.</source>
        <translation>{0}/{1} 饱和</translation>
    </message>
    <message>
        <source>{0} sat.</source>
        <translation>{0} 饱和</translation>
    </message>
    <message>
        <source>Layer {0}: {1} of {2} units are dead (slope 0 on every training point) and {3} saturate on at least half of the points.</source>
        <translation>第 {0} 层：{2} 个单元中有 {1} 个死亡（在每个训练点上斜率都为 0），{3} 个在至少一半的点上饱和。</translation>
    </message>
    <message>
        <source>At least one input must stay on.</source>
        <translation>至少要保留一个输入。</translation>
    </message>
    <message>
        <source>New weight from {0} to {1}:</source>
        <translation>从 {0} 到 {1} 的新权重：</translation>
    </message>
    <message>
        <source>Edit weight</source>
        <translation>编辑权重</translation>
    </message>
</context>
<context>
    <name>ProbabilityView</name>
    <message>
        <source>probability aᵢ</source>
        <translation>概率 aᵢ</translation>
    </message>
    <message>
        <source>class i   (its logit zᵢ in grey)</source>
        <translation>类别 i（灰色为其 logit zᵢ）</translation>
    </message>
    <message>
        <source>Probabilities a = softmax(z / T)</source>
        <translation>概率 a = softmax(z / T)</translation>
    </message>
    <message>
        <source>Each logit is divided by T, exponentiated and divided by the total, so the bars always add up to 1. Dark blue: the most likely class. Orange: the target class y.</source>
        <translation>每个 logit 先除以 T，取指数，再除以总和，所以各柱之和始终为 1。深蓝色：最可能的类别。橙色：目标类别 y。</translation>
    </message>
    <message>
        <source>entropy H = &lt;b&gt;{bits}&lt;/b&gt; bits ({h} nats) &amp;nbsp;·&amp;nbsp; at most log₂ k = {bmax} bits</source>
        <translation>熵 H = &lt;b&gt;{bits}&lt;/b&gt; 比特（{h} 奈特）&amp;nbsp;·&amp;nbsp; 最大为 log₂ k = {bmax} 比特</translation>
    </message>
</context>
<context>
    <name>ProbePanel</name>
    <message>
        <source>Probe</source>
        <translation>探针</translation>
    </message>
    <message>
        <source>Position of the probe line; you can also drag the line on either plot.</source>
        <translation>探针线的位置；也可以在任一图上直接拖动这条线。</translation>
    </message>
    <message>
        <source>Values at the probe. &apos;saturated&apos;: slope at most 5.91 % of the peak slope; &apos;dead&apos;: slope exactly zero.</source>
        <translation>探针处的数值。“饱和”：斜率不超过峰值斜率的 5.91 %；“死亡”：斜率恰好为零。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>f(z)</source>
        <translation>f(z)</translation>
    </message>
    <message>
        <source>f′(z)</source>
        <translation>f′(z)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>z =</source>
        <translation>z =</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活跃</translation>
    </message>
</context>
<context>
    <name>Readouts</name>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Passes through the training data so far; the step count below is the number of mini-batches.</source>
        <translation>迄今遍历训练数据的次数；下方的步数是已处理的小批量数。</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>The loss on the training points (filled dots): what the network minimises.</source>
        <translation>训练点（实心点）上的损失：网络要最小化的目标。</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>The loss on the test points (rings), which the network never trains on.</source>
        <translation>测试点（圆环）上的损失，网络从不在这些点上训练。</translation>
    </message>
    <message>
        <source>Accuracy train · test</source>
        <translation>准确率 训练 · 测试</translation>
    </message>
    <message>
        <source>Share of training and of test points on the right side of the boundary.</source>
        <translation>训练点和测试点中落在边界正确一侧的比例。</translation>
    </message>
    <message>
        <source>Dead units get no gradient on any training point; saturated units sit on a flat part of their activation for most points. The same-sign share per layer is how often all weights into a unit must move the same way (1.0 behind sigmoid).</source>
        <translation>死亡单元在任何训练点上都得不到梯度；饱和单元在大多数点上处于激活函数的平坦段。各层的同号比例表示进入一个单元的全部权重只能朝同一方向变化的频率（在 sigmoid 之后为 1.0）。</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>dead units {0} · saturated {1}
same-sign share {2}</source>
        <translation>死亡单元 {0} · 饱和 {1}
同号比例 {2}</translation>
    </message>
</context>
<context>
    <name>ScenarioBox</name>
    <message>
        <source>Hide this explanation.</source>
        <translation>隐藏这段说明。</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <source>Dying ReLU</source>
        <translation>ReLU 死亡</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dying ReLU.&lt;/b&gt; ReLU units with a learning rate of 3, far too large. Every unit starts alive. A few big steps push some units&apos; weighted input z below zero for &lt;i&gt;every&lt;/i&gt; training point; there the slope of ReLU is 0, so no gradient reaches their weights again and they can never recover. Within a fraction of a second about half of the units are marked dead and the loss sticks at chance. Press &lt;b&gt;R&lt;/b&gt; and then &lt;b&gt;→&lt;/b&gt; a few times to watch them die step by step.</source>
        <translation>&lt;b&gt;ReLU 死亡。&lt;/b&gt;ReLU 单元，学习率设为 3——远远过大。一开始每个单元都是活的。几步大跨度的更新就把某些单元的加权输入 z 推到零以下，而且对&lt;i&gt;每一个&lt;/i&gt;训练点都是如此；在那里 ReLU 的斜率为 0，梯度再也到不了它们的权重，这些单元就再也活不过来了。不到一秒，大约一半的单元被标记为死亡，损失停留在随机猜测的水平。按 &lt;b&gt;R&lt;/b&gt;，再按几次 &lt;b&gt;→&lt;/b&gt;，可以一步一步地看它们死去。</translation>
    </message>
    <message>
        <source>Try learning rate 0.03</source>
        <translation>试试学习率 0.03</translation>
    </message>
    <message>
        <source>Restart the same network with a hundred times smaller learning rate: almost every unit stays alive.</source>
        <translation>用小一百倍的学习率重新训练同一个网络：几乎每个单元都能存活。</translation>
    </message>
    <message>
        <source>Saturating sigmoid</source>
        <translation>sigmoid 饱和</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saturating sigmoid.&lt;/b&gt; Sigmoid units whose initial weights are eight times the usual size. Their z values are so large that for most points the unit sits on a flat end of the curve, outputting almost exactly 0 or 1. There the slope is under 6 % of its peak, and every gradient through the unit is multiplied by that slope, so its weights change very slowly. Watch the units marked saturated (click one to see its points piled up at 0 and 1) and the loss: it starts very high because the outputs are confidently wrong, then falls more slowly than with the default tanh network.</source>
        <translation>&lt;b&gt;sigmoid 饱和。&lt;/b&gt;sigmoid 单元的初始权重是通常的八倍。它们的 z 值大到对多数点而言，单元都停在曲线平坦的两端，输出几乎恰好是 0 或 1。那里的斜率不到峰值的 6 %，而流经该单元的每个梯度都要乘上这个斜率，所以它的权重变化得非常慢。留意被标记为饱和的单元（单击一个，可以看到它的点堆积在 0 和 1 处），再看损失：由于输出错得很“自信”，损失一开始非常高，之后下降得也比默认的 tanh 网络慢。</translation>
    </message>
    <message>
        <source>Same-sign updates: sigmoid vs tanh</source>
        <translation>同号更新：sigmoid 与 tanh</translation>
    </message>
    <message>
        <source>&lt;b&gt;Same-sign updates.&lt;/b&gt; The gradient of a weight into unit j is its input a&lt;sub&gt;k&lt;/sub&gt; times δ&lt;sub&gt;j&lt;/sub&gt;. Sigmoid outputs are always positive, so behind a sigmoid layer all weights into a unit move in the same direction on every example — the same-sign share of layers 2 and 3 stays at exactly 100 %, and this network hardly learns. Then switch to tanh, which is centred on zero: the share drops and the circle is learned in seconds. (Tanh&apos;s four times steeper slope helps too; the same-sign argument is a heuristic, not a proof.)</source>
        <translation>&lt;b&gt;同号更新。&lt;/b&gt;进入神经元 j 的权重，其梯度等于输入 a&lt;sub&gt;k&lt;/sub&gt; 乘以 δ&lt;sub&gt;j&lt;/sub&gt;。sigmoid 的输出总是正的，所以在 sigmoid 层之后，对每个样本而言，进入同一单元的所有权重都朝同一方向变化——第 2 层和第 3 层的同号比例始终恰好是 100 %，这个网络几乎学不动。然后换成以零为中心的 tanh：同号比例下降，几秒钟就学会了圆形。（tanh 的斜率陡四倍也有帮助；同号论证只是启发式的，并不是严格证明。）</translation>
    </message>
    <message>
        <source>Switch to tanh</source>
        <translation>换成 tanh</translation>
    </message>
    <message>
        <source>Restart the same network with tanh in the hidden layers.</source>
        <translation>隐藏层换成 tanh，重新训练同一个网络。</translation>
    </message>
    <message>
        <source>Tanh escapes saturation slowly</source>
        <translation>tanh 难以走出饱和</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tanh saturates deeply.&lt;/b&gt; Tanh units with initial weights eight times the usual size. tanh(z) is a sigmoid squeezed to half the width, so its slope fades twice as fast as z grows (about 4e&lt;sup&gt;−2|z|&lt;/sup&gt; against e&lt;sup&gt;−|z|&lt;/sup&gt;): the same weights put far more tanh units into saturation, and a unit out there gets almost no gradient to bring it back. Watch the saturated count in the curves: it does not go down, even while the loss falls thanks to the other units. Then compare sigmoid with the same weights.</source>
        <translation>&lt;b&gt;tanh 饱和得更深。&lt;/b&gt;tanh 单元的初始权重是通常的八倍。tanh(z) 相当于横向压缩到一半宽度的 sigmoid，所以随着 z 增大，它的斜率衰减得快一倍（约为 4e&lt;sup&gt;−2|z|&lt;/sup&gt;，而 sigmoid 约为 e&lt;sup&gt;−|z|&lt;/sup&gt;）：同样的权重会让多得多的 tanh 单元陷入饱和，而陷在那里的单元几乎得不到能把它拉回来的梯度。留意曲线中的饱和单元数：即使其他单元让损失在下降，它也不会减少。然后换成 sigmoid，用同样的权重比较一下。</translation>
    </message>
    <message>
        <source>Same weights, sigmoid</source>
        <translation>同样的权重，换成 sigmoid</translation>
    </message>
    <message>
        <source>Restart with sigmoid units and the same initial weights: fewer units saturate.</source>
        <translation>换成 sigmoid 单元，用同样的初始权重重新训练：饱和的单元更少。</translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <source>&amp;Open Session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session: every page&apos;s settings and the training run, exactly as they were saved</source>
        <translation>打开已保存的会话：各页面的设置和训练过程，与保存时完全一致</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save every page&apos;s settings and the training run (weights, history, added points) so that training can carry on later</source>
        <translation>保存各页面的设置和训练过程（权重、历史记录、添加的数据点），以便日后继续训练</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session under a new file name</source>
        <translation>以新的文件名保存会话</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Sessions opened or saved lately</source>
        <translation>最近打开或保存过的会话</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Forget the recent sessions (the files stay)</source>
        <translation>清除最近会话记录（文件本身保留）</translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>没有最近会话</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>{0} could not be opened:

{1}

Nothing was changed.</source>
        <translation>无法打开 {0}：

{1}

没有做任何更改。</translation>
    </message>
    <message>
        <source>Opened the session {0}.</source>
        <translation>已打开会话 {0}。</translation>
    </message>
    <message>
        <source>The session {0} could not be opened, so actgui started with its default settings. {1}</source>
        <translation>无法打开会话 {0}，因此 actgui 以默认设置启动。{1}</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Could not save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>{0} could not be written:

{1}</source>
        <translation>无法写入 {0}：

{1}</translation>
    </message>
    <message>
        <source>Saved the session to {0}.</source>
        <translation>会话已保存到 {0}。</translation>
    </message>
    <message>
        <source>{0} — actgui</source>
        <translation>{0} — actgui</translation>
    </message>
    <message>
        <source>actgui sessions (*.actgui.json);;All files (*)</source>
        <translation>actgui 会话 (*.actgui.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Play / pause training</source>
        <translation>开始 / 暂停训练</translation>
    </message>
    <message>
        <source>One training step</source>
        <translation>训练一步</translation>
    </message>
    <message>
        <source>Reset the network</source>
        <translation>重置网络</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>These keys work anywhere in the window unless a page is named. Page keys work while that page is shown and no text field has the keyboard.</source>
        <translation>除非注明了页面，这些按键在窗口中任何位置都有效。页面按键仅在该页面显示、且没有文本框获得键盘焦点时有效。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>{0} page</source>
        <translation>“{0}”页</translation>
    </message>
</context>
<context>
    <name>SoftmaxPage</name>
    <message>
        <source>The correct class y for this example. The loss is −log a_y, and the gradient pushes this class&apos;s logit up and every other one down.</source>
        <translation>这个样本的正确类别 y。损失为 −log a_y，梯度会把这个类别的 logit 往上推，把其他所有 logit 往下压。</translation>
    </message>
    <message>
        <source>Logits, temperature and target class reset.</source>
        <translation>logit、温度和目标类别已重置。</translation>
    </message>
    <message>
        <source>New random logits.</source>
        <translation>已生成新的随机 logit。</translation>
    </message>
    <message>
        <source>Target class y</source>
        <translation>目标类别 y</translation>
    </message>
    <message>
        <source>Correct answer for this example</source>
        <translation>这个样本的正确答案</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What softmax does&lt;/h3&gt;&lt;p&gt;It turns a list of any real numbers, the &lt;i&gt;logits&lt;/i&gt;, into probabilities: a&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;/T&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;/T&lt;/sup&gt;. Every a&lt;sub&gt;i&lt;/sub&gt; lies between 0 and 1, and together they add up to 1. Only the gaps between logits count: adding the same number to all of them changes nothing. That is also why ±1000 is safe here — the largest logit is subtracted before anything is exponentiated.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;softmax 做了什么&lt;/h3&gt;&lt;p&gt;它把一组任意实数——&lt;i&gt;logit&lt;/i&gt;——变成概率：a&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;/T&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;/T&lt;/sup&gt;。每个 a&lt;sub&gt;i&lt;/sub&gt; 都在 0 到 1 之间，合起来总和为 1。起作用的只是 logit 之间的差距：给所有 logit 加上同一个数，结果不变。这也是这里输入 ±1000 依然安全的原因——在取指数之前，先减去了最大的 logit。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Temperature&lt;/h3&gt;&lt;p&gt;The logits are divided by T first. A small T stretches the gaps: as T → 0 the largest logit takes nearly all the probability, and the output becomes a one-hot vector that simply marks the argmax. A large T shrinks the gaps: as T grows every class drifts toward 1/k, the uniform guess. The entropy readout tracks this, from 0 bits (certain) to log₂ k bits (no idea at all).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;温度&lt;/h3&gt;&lt;p&gt;logit 先除以 T。T 小会拉大差距：T → 0 时，最大的 logit 几乎拿走全部概率，输出变成只标出 argmax 的 one-hot 向量。T 大会缩小差距：T 越大，每个类别都越趋近 1/k，也就是均匀猜测。熵的读数反映了这一变化，从 0 比特（完全确定）到 log₂ k 比特（毫无头绪）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The Jacobian&lt;/h3&gt;&lt;p&gt;Cell (i, j) says how fast a&lt;sub&gt;i&lt;/sub&gt; moves when z&lt;sub&gt;j&lt;/sub&gt; is nudged: a&lt;sub&gt;i&lt;/sub&gt;(1 − a&lt;sub&gt;i&lt;/sub&gt;)/T on the diagonal, −a&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;j&lt;/sub&gt;/T everywhere else. Raising one logit raises its own probability (blue) and takes probability from all the others (orange).&lt;/p&gt;&lt;p&gt;Each column sums to zero because the probabilities always add up to 1: whatever one class gains, the others lose. Each row sums to zero because lifting every logit by the same amount changes nothing. The matrix is symmetric, so both facts are the same numbers.&lt;/p&gt;&lt;p&gt;When one class holds almost all the probability, the whole matrix fades to white: softmax is saturated and passes almost no gradient back. Using only the diagonal as “the derivative of softmax” is a classic bug — the off-diagonal terms matter just as much.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;雅可比矩阵&lt;/h3&gt;&lt;p&gt;格子 (i, j) 表示轻轻改变 z&lt;sub&gt;j&lt;/sub&gt; 时 a&lt;sub&gt;i&lt;/sub&gt; 变化得有多快：对角线上是 a&lt;sub&gt;i&lt;/sub&gt;(1 − a&lt;sub&gt;i&lt;/sub&gt;)/T，其余位置是 −a&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;j&lt;/sub&gt;/T。提高一个 logit，会提高它自己的概率（蓝色），并从其他所有类别那里拿走概率（橙色）。&lt;/p&gt;&lt;p&gt;每一列之和为零，因为概率的总和始终为 1：一个类别得到多少，其他类别就失去多少。每一行之和为零，因为所有 logit 同时加上同一个数不会改变任何结果。这个矩阵是对称的，所以这两个事实说的是同一组数。&lt;/p&gt;&lt;p&gt;当一个类别几乎占据全部概率时，整个矩阵都褪成白色：softmax 饱和了，几乎不再回传梯度。只拿对角线当作“softmax 的导数”是一个经典错误——非对角线项同样重要。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Where it is used&lt;/h3&gt;&lt;p&gt;Softmax is the usual output layer of a network that picks one of k classes: one logit per class in, class probabilities out. Training then minimises the cross-entropy L = −log a&lt;sub&gt;y&lt;/sub&gt;, which is small when the correct class y gets a high probability.&lt;/p&gt;&lt;p&gt;Together the two have a strikingly simple gradient: ∂L/∂z = a − y, where y is the one-hot target (divided by T if T ≠ 1). Every wrong class is pushed down by exactly the probability it received; the correct class is pushed up by what it is missing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;用在哪里&lt;/h3&gt;&lt;p&gt;在从 k 个类别中选出一个的网络里，softmax 通常就是输出层：每个类别输入一个 logit，输出各类别的概率。训练时最小化交叉熵 L = −log a&lt;sub&gt;y&lt;/sub&gt;，正确类别 y 的概率越高，它就越小。&lt;/p&gt;&lt;p&gt;两者结合后的梯度简单得惊人：∂L/∂z = a − y，其中 y 是 one-hot 目标（若 T ≠ 1 还要除以 T）。每个错误类别被压低的量恰好等于它得到的概率；正确类别被抬高的量恰好等于它还差的那部分。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>TemperatureControl</name>
    <message>
        <source>Temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>Drag to set the temperature on a logarithmic scale from 0.05 to 10. Low T sharpens the probabilities, high T flattens them.</source>
        <translation>拖动以在 0.05 到 10 之间按对数刻度设置温度。T 低时概率分布更尖锐，T 高时更平缓。</translation>
    </message>
    <message>
        <source>Temperature T: softmax is applied to z / T. T = 1 is plain softmax.</source>
        <translation>温度 T：softmax 作用于 z / T。T = 1 就是普通的 softmax。</translation>
    </message>
    <message>
        <source>← sharper</source>
        <translation>← 更尖锐</translation>
    </message>
    <message>
        <source>flatter →</source>
        <translation>更平缓 →</translation>
    </message>
    <message>
        <source>Toward 0, softmax approaches a one-hot argmax; toward 10, it approaches the uniform 1/k.</source>
        <translation>趋近 0 时，softmax 接近 one-hot 的 argmax；趋近 10 时，接近均匀的 1/k。</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Light or dark colours for the window and plots</source>
        <translation>窗口和图表使用浅色还是深色</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark setting</source>
        <translation>跟随桌面的浅色或深色设置</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on a light background</source>
        <translation>浅色背景，深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on a dark background</source>
        <translation>深色背景，浅色文字</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>squared error ½(ŷ − y)²</source>
        <translation>平方误差 ½(ŷ − y)²</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>Xavier (Glorot)</source>
        <translation>Xavier (Glorot)</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Number of hidden layers between the inputs and the output (0 to 8). Use + and − in the network picture to change the units of a layer.</source>
        <translation>输入和输出之间的隐藏层数（0 到 8）。可在网络图中用 + 和 − 改变某一层的单元数。</translation>
    </message>
    <message>
        <source>Units in each hidden layer, separated by commas (1 to 16 each), e.g. “4, 2”. Press Enter to apply.</source>
        <translation>每个隐藏层的单元数，用逗号分隔（每层 1 到 16 个），例如“4, 2”。按回车键生效。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>The activation function of every hidden layer: what each unit does with its weighted input z. Changing it restarts training.</source>
        <translation>所有隐藏层的激活函数：每个单元如何处理它的加权输入 z。更改后会重新开始训练。</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Per layer: give single hidden layers a different activation, e.g. to compare sigmoid and ReLU in one network.</source>
        <translation>逐层设置：为个别隐藏层指定不同的激活函数，例如在同一个网络中比较 sigmoid 和 ReLU。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The output layer and the loss follow the data set: sigmoid with binary cross-entropy for two classes, softmax with cross-entropy for more, and a linear output with squared error for regression.</source>
        <translation>输出层和损失函数由数据集决定：两个类别时用 sigmoid 加二元交叉熵，更多类别时用 softmax 加交叉熵，回归则用线性输出加平方误差。</translation>
    </message>
    <message>
        <source>How the starting weights are drawn. Xavier and He scale them by the number of inputs of a unit; He suits ReLU, Xavier tanh and sigmoid.</source>
        <translation>初始权重的抽取方式。Xavier 和 He 按单元的输入个数进行缩放；He 适合 ReLU，Xavier 适合 tanh 和 sigmoid。</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Multiplies the starting weights. Large values put sigmoid and tanh units into saturation from the start.</source>
        <translation>初始权重的倍数。取值较大时，sigmoid 和 tanh 单元一开始就陷入饱和。</translation>
    </message>
    <message>
        <source>Weight scale</source>
        <translation>权重缩放</translation>
    </message>
    <message>
        <source>The starting value of every bias. A negative bias can switch ReLU units off before they learn anything; a large one saturates sigmoid and tanh.</source>
        <translation>所有偏置的初始值。负偏置可能让 ReLU 单元还没学到东西就被关闭；过大的偏置会让 sigmoid 和 tanh 饱和。</translation>
    </message>
    <message>
        <source>Initial bias</source>
        <translation>初始偏置</translation>
    </message>
    <message>
        <source>The random seed of the starting weights and of the order of the mini-batches. The same seed always gives the same run.</source>
        <translation>初始权重和小批量顺序所用的随机种子。相同的种子总是得到相同的运行结果。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>How the gradient moves the weights: plain steps (SGD), steps that keep some speed from before (momentum), or steps scaled per weight (Adam).</source>
        <translation>梯度如何更新权重：普通步长（SGD）、保留之前部分速度的步长（动量法），或按每个权重单独缩放的步长（Adam）。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How big each step down the loss is. Too small and learning crawls; too large and it jumps around, kills ReLU units or diverges. Applies at once.</source>
        <translation>沿损失下降方向每一步迈多大。太小则学得很慢；太大则会来回跳动、让 ReLU 单元死亡，甚至发散。立即生效。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>How many training points each step averages its gradient over. Applies at once.</source>
        <translation>每一步对多少个训练点的梯度取平均。立即生效。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>A penalty that keeps weights small: L1 pushes unneeded weights to exactly zero, L2 shrinks all of them. Applies at once.</source>
        <translation>让权重保持较小的惩罚项：L1 把不需要的权重压到恰好为零，L2 则让所有权重都变小。立即生效。</translation>
    </message>
    <message>
        <source>The penalty rate: how strongly the penalty pulls the weights towards zero.</source>
        <translation>惩罚系数：惩罚项把权重拉向零的力度。</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>layer {0}: {1}</source>
        <translation>第 {0} 层：{1}</translation>
    </message>
    <message>
        <source>Output: {0}&lt;br&gt;Loss: {1}</source>
        <translation>输出：{0}&lt;br&gt;损失：{1}</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>What a click on the plane adds: a training point of this class (or, for regression, with this value). Right-click removes the nearest point.</source>
        <translation>在平面上单击时添加的内容：一个属于此类别的训练点（回归时则是具有此数值的点）。右键单击可删除最近的点。</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>单击添加</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>Show the test points (rings) on the plane.</source>
        <translation>在平面上显示测试点（圆环）。</translation>
    </message>
    <message>
        <source>Discretize</source>
        <translation>离散化</translation>
    </message>
    <message>
        <source>Colour the plane by the network&apos;s decision only, without the shades of confidence.</source>
        <translation>只按网络的判决给平面着色，不显示置信度的深浅。</translation>
    </message>
    <message>
        <source>Training diverged: press Reset to start again.</source>
        <translation>训练已发散：请按“重置”重新开始。</translation>
    </message>
    <message>
        <source>Back to the starting weights.</source>
        <translation>已恢复初始权重。</translation>
    </message>
    <message>
        <source>Setting not applied</source>
        <translation>设置未生效</translation>
    </message>
    <message>
        <source>Scenario: {0}</source>
        <translation>场景：{0}</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not import the points</source>
        <translation>无法导入数据点</translation>
    </message>
    <message>
        <source>Loaded {0} points.</source>
        <translation>已载入 {0} 个点。</translation>
    </message>
    <message>
        <source>At least one input has to stay on: the network needs something to look at.</source>
        <translation>至少要保留一个输入：网络总得有东西可看。</translation>
    </message>
    <message>
        <source>Weight not changed</source>
        <translation>权重未更改</translation>
    </message>
    <message>
        <source>Training diverged at step {0}.</source>
        <translation>训练在第 {0} 步发散。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training diverged at step {0}:&lt;/b&gt; the loss or a weight became infinite. The views show the last finite state. Press Reset to start again.</source>
        <translation>&lt;b&gt;训练在第 {0} 步发散：&lt;/b&gt;损失或某个权重变成了无穷大。视图显示的是最后一个有限的状态。请按“重置”重新开始。</translation>
    </message>
    <message>
        <source>Epoch {0} · step {1} · {2} steps/s · {3} frames/s</source>
        <translation>第 {0} 轮 · 第 {1} 步 · {2} 步/秒 · {3} 帧/秒</translation>
    </message>
    <message>
        <source>Paused · epoch {0} · step {1}</source>
        <translation>已暂停 · 第 {0} 轮 · 第 {1} 步</translation>
    </message>
    <message>
        <source>layer {0}: {1} of {2} units</source>
        <translation>第 {0} 层 {2} 个中有 {1} 个</translation>
    </message>
    <message>
        <source>Try a smaller learning rate, a bias init ≥ 0 or Leaky ReLU.</source>
        <translation>试试更小的学习率、不小于 0 的初始偏置，或者 Leaky ReLU。</translation>
    </message>
    <message>
        <source>Try a smaller learning rate or weight scale.</source>
        <translation>试试更小的学习率或权重缩放。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dead units&lt;/b&gt; in {0} — they get no gradient, so they no longer learn. {1}</source>
        <translation>&lt;b&gt;死亡单元&lt;/b&gt;：{0}。它们得不到梯度，因此不再学习。{1}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>class {0} ({1})</source>
        <translation>类别 {0} · {1}</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Start or pause training (Space).</source>
        <translation>开始或暂停训练（空格键）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train on one mini-batch, then stop (→).</source>
        <translation>训练一个小批量后停下（→）。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Put the network back to its starting weights and clear the history (R).</source>
        <translation>将网络恢复到初始权重并清除历史记录（R）。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Training steps (mini-batches) per drawn frame. Drawing stays smooth at any speed; very high speeds are limited by the computer.</source>
        <translation>每绘制一帧所训练的步数（小批量数）。无论速度多快，绘制都保持流畅；速度很高时受限于计算机性能。</translation>
    </message>
    <message>
        <source>{0} steps/frame</source>
        <translation>{0} 步/帧</translation>
    </message>
    <message>
        <source>Scenarios…</source>
        <translation>场景…</translation>
    </message>
    <message>
        <source>Ready-made experiments: each sets up the network so one effect appears within seconds, and explains what to watch.</source>
        <translation>现成的实验：每个都会设置好网络，让某种现象在几秒内出现，并说明该观察什么。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{0} step/frame</source>
        <translation>{0} 步/帧</translation>
    </message>
</context>
<context>
    <name>UnitInspector</name>
    <message>
        <source>x&lt;sub&gt;1&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;1&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>x&lt;sub&gt;2&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;2&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>What this unit outputs at every point of the input plane (orange negative, white 0, blue positive), with the training points on top.</source>
        <translation>此单元在输入平面上各点的输出（橙色为负，白色为 0，蓝色为正），上面叠加了训练点。</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>训练点数</translation>
    </message>
    <message>
        <source>f(z)</source>
        <translation>f(z)</translation>
    </message>
    <message>
        <source>Grey bars: how many training points give this unit each value of z. Curve: its activation f(z). Shaded purple where the slope f′(z) is tiny (saturated) and red where it is exactly 0: points there pass (almost) no gradient back.</source>
        <translation>灰色柱：此单元在各个 z 值上对应的训练点数。曲线：它的激活函数 f(z)。斜率 f′(z) 极小（饱和）处标为紫色，恰好为 0 处标为红色：落在那里的点（几乎）不回传梯度。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The weights into this unit (blue positive, orange negative) and, last, its bias.</source>
        <translation>进入此单元的各个权重（蓝色为正，橙色为负），最后一项是它的偏置。</translation>
    </message>
    <message>
        <source>This unit is no longer in the network</source>
        <translation>此单元已不在网络中</translation>
    </message>
    <message>
        <source>The architecture changed; close this window and click a unit in the diagram to inspect it.</source>
        <translation>网络结构已改变；请关闭此窗口，再在网络图中单击一个单元进行查看。</translation>
    </message>
    <message>
        <source>Layer {0}, unit {1} — {2}</source>
        <translation>第 {0} 层，第 {1} 个单元 — {2}</translation>
    </message>
    <message>
        <source>Output for class {0} — softmax</source>
        <translation>类别 {0} 的输出 — softmax</translation>
    </message>
    <message>
        <source>Output — {0}</source>
        <translation>输出 — {0}</translation>
    </message>
    <message>
        <source>from the inputs</source>
        <translation>来自输入</translation>
    </message>
    <message>
        <source>u{0}</source>
        <translation>u{0}</translation>
    </message>
    <message>
        <source>unit {0}</source>
        <translation>单元 {0}</translation>
    </message>
    <message>
        <source>from the units of layer {0}</source>
        <translation>来自第 {0} 层的单元</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>z runs from {0} to {1} on the training points; the mean output is {2}.</source>
        <translation>在训练点上 z 从 {0} 到 {1}；平均输出为 {2}。</translation>
    </message>
    <message>
        <source>There are no finite values of z.</source>
        <translation>没有有限的 z 值。</translation>
    </message>
    <message>
        <source>A linear output has slope 1 everywhere, so it never saturates.</source>
        <translation>线性输出处处斜率为 1，所以永远不会饱和。</translation>
    </message>
    <message>
        <source>With cross-entropy loss the gradient at this output is simply p − y, so a confident output still learns.</source>
        <translation>使用交叉熵损失时，这个输出处的梯度就是 p − y，所以即便输出很“自信”，它仍然能学习。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{0}&apos;&gt;Dead.&lt;/b&gt; Its slope f′(z) is 0 on every training point, so no gradient reaches its weights and training alone cannot bring it back.</source>
        <translation>&lt;b style=&apos;color:{0}&apos;&gt;已死亡。&lt;/b&gt;它的斜率 f′(z) 在每个训练点上都为 0，梯度到不了它的权重，单靠训练无法让它复活。</translation>
    </message>
    <message>
        <source>For ReLU this means no training point reaches z &gt; 0.</source>
        <translation>对 ReLU 而言，这意味着没有任何训练点使 z &gt; 0。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#9E4A80&apos;&gt;Saturated on {0} % of the training points:&lt;/b&gt; there f′(z) is at most {1} % of its peak, so hardly any gradient flows back through this unit.</source>
        <translation>&lt;b style=&apos;color:#9E4A80&apos;&gt;在 {0} % 的训练点上饱和：&lt;/b&gt;在这些点上 f′(z) 不超过峰值的 {1} %，几乎没有梯度能反向流过此单元。</translation>
    </message>
    <message>
        <source>On {0} % the slope is exactly 0.</source>
        <translation>在 {0} % 的点上斜率恰好为 0。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Working.&lt;/b&gt; Saturated on {0} % of the training points.</source>
        <translation>&lt;b&gt;正常工作。&lt;/b&gt;在 {0} % 的训练点上饱和。</translation>
    </message>
</context>
<context>
    <name>activations</name>
    <message>
        <source>Linear (identity)</source>
        <translation>线性 (恒等)</translation>
    </message>
    <message>
        <source>GELU (tanh approx.)</source>
        <translation>GELU (tanh 近似)</translation>
    </message>
    <message>
        <source>Hard tanh</source>
        <translation>Hard tanh</translation>
    </message>
    <message>
        <source>Hard sigmoid</source>
        <translation>Hard sigmoid</translation>
    </message>
    <message>
        <source>everywhere</source>
        <translation>处处</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>双螺旋</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Three spirals</source>
        <translation>三螺旋</translation>
    </message>
    <message>
        <source>Four blobs</source>
        <translation>四团</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>Multi-Gaussian</source>
        <translation>多高斯</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Activation f(z)</source>
        <translation>激活函数 f(z)</translation>
    </message>
    <message>
        <source>Derivative f′(z)</source>
        <translation>导数 f′(z)</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Jacobian</source>
        <translation>雅可比矩阵</translation>
    </message>
    <message>
        <source>Cross-entropy gradient</source>
        <translation>交叉熵梯度</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>Boundary tile {0}</source>
        <translation>边界图块 {0}</translation>
    </message>
    <message>
        <source>The plot could not be drawn into an image.</source>
        <translation>无法将图表绘制成图片。</translation>
    </message>
    <message>
        <source>The image could not be encoded as PNG.</source>
        <translation>无法将图片编码为 PNG。</translation>
    </message>
    <message>
        <source>curve {0}</source>
        <translation>曲线 {0}</translation>
    </message>
    <message>
        <source>This page has no curves to export.</source>
        <translation>本页没有可导出的曲线。</translation>
    </message>
</context>
</TS>
